# type(), object and dynamic class checks.
print(type(1), type('a'), type([]), type(None), type(type))
print(type(1) is int, type(True) is bool, type(1.0) is float, type('') is str)
class Base:
    pass
class Sub(Base):
    pass
s = Sub()
print(type(s) is Sub, type(s) is Base, type(s).__name__, type(s).__bases__[0].__name__)
print(type(s)() is not s, isinstance(type(s)(), Sub))
def kind(x):
    return {int: 'integer', str: 'string', list: 'list'}.get(type(x), 'other')
print(kind(1), kind('a'), kind([]), kind(True), kind(1.5))
o = object()
p = object()
print(o == o, o == p, o != p, type(o).__name__)
print(object.__name__, isinstance(object, type), issubclass(type, object))
