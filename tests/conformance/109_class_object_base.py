# object as the implicit base class.
class Plain:
    pass
class Explicit(object):
    pass
print(Plain.__bases__ == (object,), Explicit.__bases__ == (object,))
print(issubclass(Plain, object), isinstance(Plain(), object), isinstance(5, object))
print(isinstance(Plain, object), isinstance(int, type), type(Plain).__name__)
print(object.__name__, object)
p1, p2 = Plain(), Plain()
print(p1 == p1, p1 == p2, p1 != p2)
print([c.__name__ for c in Plain.__mro__])
print(type(Plain()) is Plain, type(Plain) is type)
o = object()
try:
    o.attr = 1
except AttributeError as e:
    print('AttributeError:', e)
print(str(Plain) == repr(Plain), str(Plain))
