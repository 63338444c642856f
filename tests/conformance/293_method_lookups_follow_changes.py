# A call site keeps calling the right method while classes and instances change.
class Base:
    def greet(self):
        return "base"

class Child(Base):
    pass

class Other:
    def greet(self):
        return "other"

    def append(self, x):
        return "other.append(%r)" % (x,)

def call_all(objects):
    return [o.greet() for o in objects]

b, c, o = Base(), Child(), Other()
print(call_all([b, c, o, c, b]))
Child.greet = lambda self: "child"
print(call_all([b, c, o]))
Base.greet = lambda self: "base2"
print(call_all([b, c, o]))
del Child.greet
print(call_all([b, c, o]))
c.greet = lambda: "instance"
print(call_all([b, c, o]))
del c.greet
print(call_all([c]))
del Base.greet
try:
    call_all([c])
except AttributeError as e:
    print("AttributeError:", e)

def add_to(target, x):
    return target.append(x)

items = []
for t in [items, Other(), items]:
    print(add_to(t, len(items)))
print(items)

class Counter:
    count = 0

    def bump(self):
        Counter.count += 1
        return Counter.count

    @staticmethod
    def helper():
        return "static"

    @classmethod
    def make(cls):
        return cls.__name__

k = Counter()
print([k.bump() for i in range(3)], k.helper(), k.make(), Counter.make())
Counter.bump = staticmethod(lambda: "now static")
print(k.bump())
