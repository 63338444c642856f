# Tuple and list unpacking in assignment.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g] = 'xy'
print(f, g)
h, = [9]
print(h)
[i, (j, [k, l])] = [1, (2, [3, 4])]
print(i, j, k, l)
x, y, z = range(3)
print(x, y, z)
p, q = {'one': 1, 'two': 2}
print(p, q)
for try_vals in [(1, 2, 3), (1,)]:
    try:
        m, n = try_vals
    except ValueError as err:
        print('ValueError:', err)
try:
    m, n = 5
except TypeError as err:
    print('TypeError:', err)
