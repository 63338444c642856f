# @staticmethod and @classmethod.
class Vec:
    count = 0
    def __init__(self, x, y):
        self.x, self.y = x, y
        Vec.count += 1
    @classmethod
    def zero(cls):
        return cls(0, 0)
    @classmethod
    def from_str(cls, s):
        x, y = s.split(',')
        return cls(int(x), int(y))
    @staticmethod
    def dot(a, b):
        return a.x * b.x + a.y * b.y
    @classmethod
    def kind(cls):
        return cls.__name__
class Vec3(Vec):
    pass
v = Vec.from_str('3,4')
print(v.x, v.y, Vec.dot(v, v), v.dot(v, Vec(1, 1)))
z = Vec3.zero()
print(type(z).__name__, z.x, Vec3.kind(), Vec.kind(), z.kind())
print(Vec.count)
print(Vec.dot(Vec(1, 2), Vec(3, 4)))
