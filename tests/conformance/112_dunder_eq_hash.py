# __eq__ and __hash__ control dict and set membership.
class Pos:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return isinstance(other, Pos) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f'Pos({self.x}, {self.y})'
seen = {Pos(1, 2), Pos(1, 2), Pos(2, 1)}
print(len(seen), Pos(1, 2) in seen, Pos(5, 5) in seen)
d = {Pos(0, 0): 'origin'}
print(d[Pos(0, 0)], Pos(0, 0) == Pos(0, 0), Pos(0, 0) == (0, 0))
class NoHash:
    def __eq__(self, other):
        return True
try:
    {NoHash()}
except TypeError as e:
    print('TypeError:', e)
print(NoHash.__hash__ is None)
class Default:
    pass
a = Default()
print(a == a, a == Default(), len({a, a}), a in {a: 1})
class Tagged:
    def __init__(self, t):
        self.t = t
    def __hash__(self):
        return 7
    def __eq__(self, o):
        return self.t == o.t
print(len({Tagged('a'), Tagged('b'), Tagged('a')}), hash(Tagged('z')))
