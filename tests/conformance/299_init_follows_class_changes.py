# Making instances in a loop while __init__ is replaced, removed or inherited.
class Base:
    def __init__(self, v):
        self.v = v

class Child(Base):
    pass

made = [Child(i).v for i in range(3)]
Child.__init__ = lambda self, v: setattr(self, "v", v * 100)
made += [Child(i).v for i in range(3)]
del Child.__init__
made += [Child(7).v, Base(8).v]
Base.__init__ = lambda self, v: setattr(self, "v", -v)
made += [Child(1).v, Base(2).v]
del Base.__init__
try:
    Base(5)
except TypeError as e:
    print("TypeError:", e)
print(made, type(Base()).__name__)
