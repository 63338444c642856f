# frozenset is immutable and hashable.
f = frozenset('abc')
print(sorted(f), len(f), 'a' in f)
try:
    f.add('d')
except AttributeError as e:
    print('AttributeError:', e)
combos = {frozenset({'fire', 'water'}): 'steam', frozenset({'earth', 'fire'}): 'lava'}
print(combos[frozenset({'water', 'fire'})], combos.get(frozenset({'air'}), 'nothing'))
sets = {frozenset([1, 2]), frozenset([2, 1]), frozenset([3])}
print(len(sets))
print(sorted(sorted(s) for s in sets))
print(frozenset([1, 2]) | {3} == {1, 2, 3}, sorted(f.union('z')))
print(frozenset().union([1]) == frozenset({1}), frozenset(range(3)) == set(range(3)))
