# Attribute stores rewrite an attribute where it is; the same code meets instances
# whose attributes sit in other orders, deleted and re-added attributes, and hooks.
class A:
    def __init__(self):
        self.x = 1
        self.y = 2

class B:
    def __init__(self):
        self.y = 20
        self.x = 10

def bump(o):
    o.x += 1
    o.y = o.x * 2
    return (o.x, o.y)

a, b = A(), B()
for _ in range(3):
    print(bump(a), bump(b), vars(a), vars(b))
del a.x
try:
    bump(a)
except AttributeError as e:
    print("AttributeError", e)
a.x = 100
print(bump(a), vars(a))
a.__dict__.clear()
a.x = 5
print(bump(a), vars(a))

class Logged(A):
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)

l = Logged()
print(bump(l), bump(l))

class P(A):
    @property
    def y(self):
        return self.x * 100
    @y.setter
    def y(self, v):
        print("setter", v)

p = P()
print(bump(p))

class S:
    __slots__ = ("x", "y")
    def __init__(self):
        self.x = 0
        self.y = 0

s = S()
print(bump(s), bump(s))
big = [1] * 3
class Holder:
    pass
h = Holder()
h.x = 1
h.y = big
print(bump(h), big)
