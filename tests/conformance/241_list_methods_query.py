# index, count, copy, reverse and in.
a = ['a', 'b', 'c', 'b', 'a', 'b']
print(a.index('b'), a.index('b', 2), a.index('b', 4), a.index('a', 1, 5))
print(a.count('b'), a.count('z'), [1, 1.0, True].count(1))
c = a.copy()
c.append('new')
print(len(a), len(c), c is a, c[:-1] == a)
nested = [[1], [2]]
shallow = nested.copy()
shallow[0].append(99)
print(nested)
a.reverse()
print(a, a.reverse(), a)
print('c' in a, 'q' in a, [1, 2] in [[1, 2], [3]])
try:
    a.index('zz')
except ValueError as e:
    print('ValueError:', e)
try:
    a.index('c', 3)
except ValueError as e:
    print('ValueError:', e)
