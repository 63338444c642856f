# Augmented assignment on attributes and subscripts evaluates targets once.
class Player:
    def __init__(self):
        self.hp = 100
        self.items = ['potion']
p = Player()
p.hp -= 25
p.hp *= 2
p.items += ['key']
print(p.hp, p.items)
scores = {'ann': 1}
scores['ann'] += 10
scores.setdefault('bob', 0)
scores['bob'] -= 3
print(scores)
grid = [[0] * 3 for _ in range(2)]
grid[1][2] += 7
grid[0][0] -= 1
print(grid)
calls = []
def idx(i):
    calls.append(i)
    return i
arr = [1, 2, 3]
arr[idx(1)] += 100
print(arr, calls)
def get_player():
    calls.append('get')
    return p
get_player().hp += 1
print(p.hp, calls)
counts = {}
for ch in 'banana':
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
