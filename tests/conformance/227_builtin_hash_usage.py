# hash() of ints and tuples; equal values hash equal.
print(hash(7) == 7, hash(0) == 0, hash(-7) == -7)
print(hash(3) == hash(3.0), hash(1) == hash(True), hash(0) == hash(False) == hash(0.0))
print(hash((1, 2, 3)) == hash((1, 2, 3)), hash((1, (2, 3))) == hash((1, (2, 3))))
print(hash((1, 2)) != hash((1, 3)))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
try:
    hash((1, [2]))
except TypeError as e:
    print('TypeError:', e)
try:
    hash({1})
except TypeError as e:
    print('TypeError:', e)
cache = {}
for key in [(0, 0), (1, 2), (0, 0)]:
    cache[key] = cache.get(key, 0) + 1
print(cache)
print(hash(None) == hash(None), type(hash(12)).__name__)
