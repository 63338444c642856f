# Nested lists, shallow and deep copies by hand.
board = [['.'] * 3 for _ in range(3)]
board[1][1] = 'X'
board[0][2] = 'O'
for row in board:
    print(''.join(row))
shallow = board[:]
shallow[0] = ['#', '#', '#']
shallow[2][0] = '!'
print(board[0], board[2])
def deep_copy(x):
    if isinstance(x, list):
        return [deep_copy(v) for v in x]
    if isinstance(x, dict):
        return {k: deep_copy(v) for k, v in x.items()}
    return x
state = {'players': [['ann', 3]], 'round': 1}
saved = deep_copy(state)
state['players'][0][1] = 0
state['round'] = 2
print(state, saved)
matrix = [[1, 2], [3, 4]]
print([row[:] for row in matrix] == matrix, list(map(list, zip(*matrix))))
cyc = [1]
cyc.append(cyc)
print(cyc)
