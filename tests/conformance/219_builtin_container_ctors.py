# list, tuple, dict, set, frozenset constructors.
print(list(), list('abc'), list((1, 2)), list(range(3)), list({'a': 1, 'b': 2}))
print(tuple(), tuple('ab'), tuple([1, [2]]), tuple(x * 2 for x in range(3)))
print(dict(), dict(a=1, b=2), dict([('x', 1), ('y', 2)]), dict({'k': 'v'}, extra=1))
print(dict(zip(['p', 'q'], [10, 20])), dict([('dup', 1), ('dup', 2)]))
print(sorted(set('mississippi')), set() == set(), sorted(set([3, 1, 3, 2])))
fs = frozenset([1, 2, 2, 3])
print(sorted(fs), len(fs), 2 in fs, type(fs).__name__)
print(frozenset() == frozenset(), set([1, 2]) == frozenset([2, 1]))
d = {frozenset({'a', 'b'}): 'pair'}
print(d[frozenset(['b', 'a'])])
l1 = [1, 2]
l2 = list(l1)
l2.append(3)
print(l1, l2, list(l1) is l1, tuple(l1) == (1, 2))
try:
    dict([1, 2])
except TypeError as e:
    print('TypeError:', e)
try:
    dict([('a', 1, 2)])
except ValueError as e:
    print('ValueError:', e)
