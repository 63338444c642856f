# Slice assignment and deletion on lists.
a = list(range(8))
a[2:5] = ['x', 'y']
print(a)
a[1:1] = [100, 200]
print(a)
a[:] = [1, 2, 3]
print(a)
a[len(a):] = [4, 5]
print(a)
a[::2] = ['e0', 'e1', 'e2']
print(a)
a[1:3] = []
print(a)
b = list(range(10))
del b[::3]
print(b)
del b[1:3]
print(b)
del b[-2:]
print(b)
del b[:]
print(b)
c = [0, 1, 2, 3]
c[1:3] = 'ab'
print(c)
try:
    c[::2] = [1, 2, 3]
except ValueError as e:
    print('ValueError:', e)
d = list(range(6))
d[::-2] = ['a', 'b', 'c']
print(d)
alias = d
d[:] = []
print(alias)
