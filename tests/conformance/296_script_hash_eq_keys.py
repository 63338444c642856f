# Keys and members with script-defined __hash__ and __eq__: lookups, growth, collisions.
class Cell:
    calls = 0

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __hash__(self):
        Cell.calls += 1
        return hash((self.x, self.y))

    def __eq__(self, other):
        return isinstance(other, Cell) and (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return "Cell(%d, %d)" % (self.x, self.y)

grid = {}
for x in range(30):
    for y in range(3):
        grid[Cell(x, y)] = x * 10 + y
print(len(grid), grid[Cell(29, 2)], Cell(5, 1) in grid, Cell(99, 0) in grid)
grid[Cell(0, 0)] = "replaced"
print(len(grid), grid[Cell(0, 0)], grid.get(Cell(1, 1)), grid.get(Cell(-1, 0), "none"))
del grid[Cell(0, 0)]
print(len(grid), Cell(0, 0) in grid, grid.pop(Cell(1, 0)), grid.setdefault(Cell(7, 7), "new"))
try:
    grid[Cell(50, 50)]
except KeyError as e:
    print("KeyError", e)

class Same:
    def __init__(self, tag):
        self.tag = tag

    def __hash__(self):
        return 42

    def __eq__(self, other):
        return isinstance(other, Same) and self.tag == other.tag

s = {Same("a"), Same("b"), Same("a"), Same("c")}
print(len(s), Same("b") in s, Same("z") in s)
s.discard(Same("b"))
s.remove(Same("a"))
print(len(s), [m.tag for m in s], hash(Same("q")))

class Num:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        return self.v == (other.v if isinstance(other, Num) else other)

d = {1: "int one", "k": "str"}
print(d[Num(1)], Num(1) in d, Num(2) in d)
d[Num(3)] = "num three"
print(d[3], len(d))

class BadHash:
    def __hash__(self):
        return "nope"

try:
    {BadHash(): 1}
except TypeError as e:
    print("TypeError:", e)
print(hash(Num(-1)), hash(Num(10**12)), Cell.calls > 0)
