# Real world: Conway's game of life on a small wrapping board.
def parse(rows):
    return {(r, c) for r, row in enumerate(rows) for c, ch in enumerate(row) if ch == '#'}
def step(live, h, w):
    counts = {}
    for r, c in live:
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr or dc:
                    key = ((r + dr) % h, (c + dc) % w)
                    counts[key] = counts.get(key, 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in live)}
def render(live, h, w):
    return '\n'.join(''.join('#' if (r, c) in live else '.' for c in range(w)) for r in range(h))
H, W = 6, 8
board = parse(['.#......', '..#.....', '###.....', '........', '.....##.', '.....##.'])
history = []
for gen in range(5):
    print(f'gen {gen}: {len(board)} alive')
    print(render(board, H, W))
    history.append(frozenset(board))
    board = step(board, H, W)
blinker = parse(['.....', '..#..', '..#..', '..#..', '.....'])
b1 = step(blinker, 5, 5)
print(sorted(b1), step(b1, 5, 5) == blinker)
print(len(set(history)), min(len(h) for h in history))
