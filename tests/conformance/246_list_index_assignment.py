# Index assignment, negative indices and list building idioms.
a = [0] * 5
a[0] = 'first'
a[-1] = 'last'
a[2] = [1, 2]
a[2][0] = 'nested'
print(a)
try:
    a[5] = 'x'
except IndexError as e:
    print('IndexError:', e)
try:
    a[-6]
except IndexError as e:
    print('IndexError:', e)
b = list(range(5))
for i in range(len(b) - 1, -1, -1):
    if b[i] % 2:
        del b[i]
print(b)
c = []
c += 'ab'
c += (1, 2)
c.append(range(2))
print(c[:4], list(c[4]))
matrix = [[0] * 3 for _ in range(3)]
for i in range(3):
    matrix[i][i] = 1
    matrix[i][-1 - i] += 2
print(matrix)
