# Real world: BFS flood fill to find rooms and distances on a tile map.
MAP = [
    '##########',
    '#...#....#',
    '#...#.##.#',
    '#####.#..#',
    '#..#..#.##',
    '#..#....##',
    '##########',
]
H, W = len(MAP), len(MAP[0])
def bfs(start):
    dist = {start: 0}
    queue = [start]
    head = 0
    while head < len(queue):
        r, c = queue[head]
        head += 1
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if MAP[nr][nc] == '.' and (nr, nc) not in dist:
                dist[(nr, nc)] = dist[(r, c)] + 1
                queue.append((nr, nc))
    return dist
floor = [(r, c) for r in range(H) for c in range(W) if MAP[r][c] == '.']
rooms = []
seen = set()
for cell in floor:
    if cell not in seen:
        region = bfs(cell)
        seen.update(region)
        rooms.append(sorted(region))
print('rooms:', len(rooms), [len(r) for r in rooms])
dist = bfs((1, 5))
far = max(dist, key=lambda p: (dist[p], p))
print('farthest from (1, 5):', far, dist[far])
out = []
for r in range(H):
    row = ''
    for c in range(W):
        d = dist.get((r, c))
        row += MAP[r][c] if d is None else str(d % 10)
    out.append(row)
print('\n'.join(out))
