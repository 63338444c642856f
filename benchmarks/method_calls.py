# Method calls and attribute access on instances.
class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def length_squared(self):
        return self.x * self.x + self.y * self.y


def run(n):
    v = Vector(0, 0)
    step = Vector(1, 2)
    total = 0
    for i in range(n):
        v = v.add(step)
        total += v.length_squared() % 7
    return total

print(run(500000))
