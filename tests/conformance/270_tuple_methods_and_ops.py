# Tuples: count, index, concatenation, comparison, immutability.
t = (1, 2, 3, 2, 1, 2)
print(t.count(2), t.count(9), t.index(3), t.index(2, 2), len(t))
print(t + (4,), (0,) * 3, t[1:3], 2 in t, (1,) + ())
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), (1, 'a') == (1, 'a'))
print(max([(1, 'b'), (1, 'a'), (0, 'z')]), sorted([(2, 1), (1, 2), (1, 1)]))
single = (5,)
not_tuple = (5)
print(type(single).__name__, type(not_tuple).__name__, () == tuple())
try:
    t[0] = 9
except TypeError as e:
    print('TypeError:', e)
try:
    t.index(9)
except ValueError as e:
    print('ValueError:', e)
holder = ([1], 'x')
holder[0].append(2)
print(holder)
packed = 1, 'two', 3.0
print(packed, type(packed).__name__)
x, y = packed[0], packed[-1]
print(x, y)
