# subset, superset, disjoint and comparisons.
small = {1, 2}
big = {1, 2, 3}
other = {7, 8}
print(small.issubset(big), big.issuperset(small), small.isdisjoint(other), small.isdisjoint(big))
print(small <= big, small < big, big < big, big <= big, big >= small, big > small)
print(small == {2, 1}, small != big, small.issubset([1, 2, 5]))
print(set() <= small, set().issubset(set()), {1} < {1})
fs = frozenset({1, 2})
print(fs <= big, fs == small, sorted(fs | other), type(fs | other).__name__)
print(type(small | fs).__name__, 1 in fs, 5 not in fs)
words = {'apple', 'banana', 'cherry'}
print('banana' in words, 'grape' in words)
