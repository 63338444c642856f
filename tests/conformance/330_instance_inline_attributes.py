# Instance attributes: the order, views and edge cases a class's later instances meet
# once the class knows how many attributes its instances have.

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


first = Point(1, 2)
p = Point(3, 4)
print(p.x, p.y, vars(p), p.__dict__ == {"x": 3, "y": 4})

# A third attribute, more than the class has seen: it still lands in order.
p.z = 5
print(vars(p), list(p.__dict__))
q = Point(6, 7)
q.z = 8
q.w = 9
print(vars(q))

# Deleting and adding again moves the name to the end, as in a dict.
r = Point(10, 11)
del r.x
print(vars(r), hasattr(r, "x"))
r.x = 12
print(vars(r), r.x)
try:
    del r.missing
except AttributeError as e:
    print("AttributeError:", e)

# Names built at run time (not interned by the compiler) find the same attributes.
s = Point(13, 14)
name = "".join(["x"])
print(getattr(s, name), getattr(s, "y" + ""))
setattr(s, "".join(["y"]), 15)
print(s.y, vars(s))
setattr(s, "dyn" + str(1), 16)
print(s.dyn1, getattr(s, "dyn1"))

# __dict__ is the live namespace: writes through it are seen as attributes and back.
t = Point(17, 18)
d = t.__dict__
d["x"] = 19
t.y = 20
print(t.x, d["y"], d is t.__dict__)
d["extra"] = 21
print(t.extra)
