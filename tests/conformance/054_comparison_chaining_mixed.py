# Comparisons of mixed types and sequences.
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, 'a') < (1, 'b'), [] < [0])
print((1, 2) == (1, 2), [1, 2] == (1, 2), 'a' == 1, None == 0)
print(1 == 1.0 == True, 2 > 1.5 > True)
print({'a': 1} == {'a': 1}, {1, 2} == {2, 1}, [1, [2]] == [1, [2]])
try:
    print(1 < 'a')
except TypeError as e:
    print('TypeError:', e)
try:
    print([1] < (1,))
except TypeError as e:
    print('TypeError:', e)
try:
    print({} < {})
except TypeError as e:
    print('TypeError:', e)
try:
    print(None < 1)
except TypeError as e:
    print('TypeError:', e)
a = 1
print(a == 1 and a < 2, not a == 2, a != 1 or a == 1)
