# Operators whose right operand is a small int literal behave as the plain operators.
class V:
    def __init__(self, v):
        self.v = v
    def __sub__(self, other):
        return V(self.v - other * 10)
    def __lt__(self, other):
        return self.v < other
    def __eq__(self, other):
        return isinstance(other, int) and self.v == other
    def __add__(self, other):
        return V(self.v + other)
    def __mod__(self, other):
        return "mod %d" % other
    def __repr__(self):
        return f"V({self.v})"

for x in [5, -7, 2.5, True, V(3)]:
    print(repr(x), x - 1, x + 255, x * 3 if not isinstance(x, V) else None, x % 4, x < 2, x == 0, x != 5)
for x in [7, -7, 7.5, -7.5]:
    print(x // 2, x % 2, x // 255, x % 255, 0 <= x < 8, x > 3, x >= 7, x <= -7)
for bad in [lambda: 1 % 0, lambda: 1 // 0, lambda: 2.0 % 0, lambda: "a" - 1, lambda: "a" < 1, lambda: None + 3, lambda: [] * 2]:
    try:
        print(bad())
    except (ZeroDivisionError, TypeError) as e:
        print(type(e).__name__, e)
print("ab" * 3, [1] * 2, (0,) * 0, "%d%%" % 5)
print(256 - 1, 1000 % 256, 2 ** 8, 300 > 255, -1 < 0)
i = 0
while i < 10:
    i = i + 3
print(i, i == 12)
