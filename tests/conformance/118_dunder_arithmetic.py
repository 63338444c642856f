# Arithmetic dunders on a vector class.
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f'V({self.x}, {self.y})'
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    def __rmul__(self, k):
        return V(self.x * k, self.y * k)
    def __truediv__(self, k):
        return V(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return V(self.x // k, self.y // k)
    def __mod__(self, k):
        return V(self.x % k, self.y % k)
    def __pow__(self, k):
        return V(self.x ** k, self.y ** k)
    def __neg__(self):
        return V(-self.x, -self.y)
    def __pos__(self):
        return self
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
a, b = V(3, 4), V(1, -2)
print(a + b, a - b, a * 2, 3 * a, a / 2, a // 2, a % 2, b ** 2)
print(-a, +a, abs(a), a == V(3, 4), a != b)
c = a
c += b
print(c, a, c is a)
try:
    a + 1
except AttributeError as e:
    print('AttributeError:', e)
try:
    'x' - a
except TypeError as e:
    print('TypeError:', e)
