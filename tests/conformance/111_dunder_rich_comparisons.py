# Rich comparison dunders and sorting.
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split('.'))
    def __repr__(self):
        return 'V' + '.'.join(map(str, self.parts))
    def __eq__(self, other):
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __le__(self, other):
        return self.parts <= other.parts
    def __gt__(self, other):
        return self.parts > other.parts
    def __ge__(self, other):
        return self.parts >= other.parts
a, b = Version('1.2.10'), Version('1.10.0')
print(a < b, a > b, a <= b, a >= b, a == b, a != b)
print(a == Version('1.2.10'), a != Version('1.2.10'))
vs = [Version(s) for s in ['2.0', '1.0.1', '1.10', '1.2']]
print(sorted(vs), max(vs), min(vs))
print(sorted(vs, reverse=True))
class OnlyLt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f'L{self.v}'
x, y = OnlyLt(1), OnlyLt(2)
print(x < y, y > x, sorted([y, x]))
try:
    x <= y
except TypeError as e:
    print('TypeError:', e)
