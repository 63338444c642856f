# super() in a diamond calls each class once, in MRO order.
class Base:
    def __init__(self):
        print('Base.__init__')
        self.log = ['Base']
    def hello(self):
        return ['Base']
class Left(Base):
    def __init__(self):
        print('Left.__init__')
        super().__init__()
        self.log.append('Left')
    def hello(self):
        return ['Left'] + super().hello()
class Right(Base):
    def __init__(self):
        print('Right.__init__')
        super().__init__()
        self.log.append('Right')
    def hello(self):
        return ['Right'] + super().hello()
class Child(Left, Right):
    def __init__(self):
        print('Child.__init__')
        super().__init__()
        self.log.append('Child')
    def hello(self):
        return ['Child'] + super().hello()
c = Child()
print(c.log)
print(c.hello())
print(super(Left, c).hello())
