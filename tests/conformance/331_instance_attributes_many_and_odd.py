# Instance attributes, continued: shadowed methods, many attributes, cycles and odd names.
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


first = Point(1, 2)

# Methods shadowed by instance attributes.
class Greeter:
    def __init__(self):
        self.name = "a"

    def hello(self):
        return "hello from the class"


g1 = Greeter()
g2 = Greeter()
print(g2.hello())
g2.hello = lambda: "hello from the instance"
print(g2.hello(), g1.hello())
del g2.hello
print(g2.hello())

# Many attributes: more than an instance keeps inline.
class Bag:
    pass


for round_ in range(3):
    b = Bag()
    for i in range(40):
        setattr(b, f"a{i}", i * round_)
    print(round_, len(vars(b)), b.a0, b.a39, list(vars(b))[:3])

# Attributes of different objects never mix up.
points = [Point(i, -i) for i in range(5)]
print([(pt.x, pt.y) for pt in points])
print(sum(pt.x * pt.y for pt in points))

# A cycle through attributes.
class Node:
    def __init__(self):
        self.next = None


a = Node()
b = Node()
a.next = b
b.next = a
print(a.next.next is a, b.next.next is b)
del a, b

# Attribute names that are not strings.
try:
    setattr(Point(1, 2), 5, 6)
except TypeError as e:
    print("TypeError:", e)

# str subclasses as names.
class Name(str):
    pass


u = Point(1, 2)
setattr(u, Name("x"), 30)
setattr(u, Name("nw"), 31)
print(u.x, u.nw, sorted(vars(u)))

# getsizeof grows with the attributes an instance holds, never shrinks below its header.
print(sys.getsizeof(Point(1, 2)) > 0)
