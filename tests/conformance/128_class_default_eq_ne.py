# Default equality is identity; __ne__ is derived from __eq__.
class A:
    pass
a1, a2 = A(), A()
print(a1 == a1, a1 == a2, a1 != a2, a1 in [a2], a1 in [a2, a1])
class B:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print('B.__eq__')
        return isinstance(other, B) and self.v == other.v
    __hash__ = None
b1, b2 = B(1), B(1)
print(b1 == b2)
print(b1 != b2)
print([b1].count(b2), [B(2)].index(B(2)))
print(B(3) in [B(1), B(3)])
print(b1 == 1)
try:
    hash(b1)
except TypeError as e:
    print('TypeError:', e)
