# Tuples as dict keys and set members.
grid = {}
for r in range(3):
    for c in range(3):
        grid[(r, c)] = r * 3 + c
print(grid[(1, 2)], grid[2, 0], (3, 3) in grid, len(grid))
walls = {(0, 1), (1, 1), (2, 1)}
print((1, 1) in walls, (1, 0) in walls, sorted(walls))
dist = {('a', 'b'): 5, ('b', 'c'): 3}
def d(x, y):
    return dist.get((x, y)) or dist.get((y, x))
print(d('b', 'a'), d('c', 'b'), d('a', 'c'))
memo = {}
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    if (r, c) not in memo:
        memo[r, c] = paths(r - 1, c) + paths(r, c - 1)
    return memo[r, c]
print(paths(10, 10), len(memo))
nested = {((1, 2), (3, 4)): 'nested key'}
print(nested[(1, 2), (3, 4)])
