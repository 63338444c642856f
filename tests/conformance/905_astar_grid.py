# Real world: A* path finding on a small grid, with a sorted-list open set.
GRID = [
    'S....#....',
    '.##..#.##.',
    '.#...#..#.',
    '.#.###..#.',
    '...#....#G',
    '.#...##...',
]
def find(ch):
    for r, row in enumerate(GRID):
        if ch in row:
            return r, row.index(ch)
def neighbors(p):
    r, c = p
    for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
        nr, nc = r + dr, c + dc
        if 0 <= nr < len(GRID) and 0 <= nc < len(GRID[0]) and GRID[nr][nc] != '#':
            yield nr, nc
def astar(start, goal):
    h = lambda p: abs(p[0] - goal[0]) + abs(p[1] - goal[1])
    open_list = [(h(start), 0, start)]
    came = {start: None}
    cost = {start: 0}
    expanded = 0
    while open_list:
        open_list.sort()
        _, g, cur = open_list.pop(0)
        if g > cost[cur]:
            continue
        expanded += 1
        if cur == goal:
            path = []
            while cur is not None:
                path.append(cur)
                cur = came[cur]
            return path[::-1], expanded
        for nb in neighbors(cur):
            ng = g + 1
            if ng < cost.get(nb, 10 ** 9):
                cost[nb] = ng
                came[nb] = cur
                open_list.append((ng + h(nb), ng, nb))
    return None, expanded
path, expanded = astar(find('S'), find('G'))
print('length', len(path) - 1, 'expanded', expanded)
rows = [list(r) for r in GRID]
for r, c in path[1:-1]:
    rows[r][c] = '*'
print('\n'.join(''.join(r) for r in rows))
