# Real world: validating sudoku boards, reporting every conflict.
GOOD = """
534678912 672195348 198342567 859761423 426853791
713924856 961537284 287419635 345286179
"""
def parse(text):
    rows = text.split()
    return [[int(ch) for ch in row] for row in rows]
def conflicts(board):
    problems = []
    def check(cells, label):
        seen = {}
        for r, c in cells:
            v = board[r][c]
            if v == 0:
                continue
            if v in seen:
                problems.append(f'{label}: {v} at {seen[v]} and {(r, c)}')
            else:
                seen[v] = (r, c)
    for i in range(9):
        check([(i, c) for c in range(9)], f'row {i}')
        check([(r, i) for r in range(9)], f'col {i}')
    for br in range(0, 9, 3):
        for bc in range(0, 9, 3):
            check([(br + r, bc + c) for r in range(3) for c in range(3)], f'box {br // 3},{bc // 3}')
    return problems
def is_complete(board):
    return all(all(v != 0 for v in row) for row in board) and not conflicts(board)
board = parse(GOOD)
print('valid:', is_complete(board), conflicts(board))
board[0][0], board[0][1] = board[0][1], board[0][0]
for p in conflicts(board):
    print(p)
board = parse(GOOD)
board[4][4] = 0
board[8][8] = 1
print('complete:', is_complete(board))
print('\n'.join(conflicts(board)))
print(sum(map(sum, parse(GOOD))), [row[4] for row in parse(GOOD)])
