# Building strings in loops.
parts = []
for i in range(5):
    parts.append(str(i * i))
print(','.join(parts))
s = ''
for c in 'abcdef':
    s = c + s
print(s)
row = ''
for x in range(8):
    row += '#' if (x % 3 == 0) else '.'
print(row)
grid = '\n'.join(''.join('X' if (r + c) % 2 else 'O' for c in range(4)) for r in range(3))
print(grid)
acc = []
for word in 'the quick brown fox'.split():
    acc.append(word[0].upper() + word[1:])
print(' '.join(acc))
print('=' * 20)
print('|'.join(f'{n:3}' for n in [1, 22, 333]))
