# Generators as methods and over closures.
class Level:
    def __init__(self, grid):
        self.grid = grid
    def cells(self):
        for r, row in enumerate(self.grid):
            for c, ch in enumerate(row):
                yield r, c, ch
    def walls(self):
        return ((r, c) for r, c, ch in self.cells() if ch == '#')
lvl = Level(['#.#', '..#', '#..'])
print(list(lvl.walls()))
print(sum(1 for _ in lvl.cells()))
def make_gen_factory(step):
    def gen(n):
        for i in range(0, n, step):
            yield i
    return gen
by3 = make_gen_factory(3)
print(list(by3(10)), list(make_gen_factory(4)(13)))
def counter_gen():
    count = 0
    def bump():
        nonlocal count
        count += 1
    while count < 3:
        bump()
        yield count
print(list(counter_gen()))
