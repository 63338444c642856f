# Polymorphism: a list of different classes sharing an interface.
class Shape:
    def area(self):
        raise NotImplementedError(type(self).__name__ + '.area')
    def describe(self):
        return f'{type(self).__name__} with area {self.area():.2f}'
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
class Triangle(Shape):
    def __init__(self, b, h):
        self.b, self.h = b, h
    def area(self):
        return 0.5 * self.b * self.h
shapes = [Square(2), Circle(1), Triangle(3, 4)]
for sh in shapes:
    print(sh.describe())
print(sorted(type(s).__name__ for s in shapes), round(sum(s.area() for s in shapes), 3))
try:
    Shape().describe()
except NotImplementedError as e:
    print('NotImplementedError:', e)
print(max(shapes, key=lambda s: s.area()).describe())
