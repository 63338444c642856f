# any() and all(), with short-circuiting.
print(any([]), all([]), any([0, '', None]), all([1, 'a', [0]]))
print(any([0, 1]), all([1, 0]), any('abc'), all(''))
checked = []
def pos(x):
    checked.append(x)
    return x > 0
print(any(pos(x) for x in [-1, 2, 3]), checked)
checked.clear()
print(all(pos(x) for x in [1, -2, 3]), checked)
grid = [[1, 1], [1, 0]]
print(all(all(row) for row in grid), any(any(row) for row in grid))
words = ['apple', 'avocado', 'banana']
print(all(w[0] == 'a' for w in words), any(w.endswith('na') for w in words))
print(any({}), all({0: 'x'}), any({0: 'x', 1: 'y'}))
