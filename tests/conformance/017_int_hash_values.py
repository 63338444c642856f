# hash() of ints and tuples of ints is deterministic.
print(hash(0), hash(1), hash(42), hash(-42))
print(hash(-1), hash(-2))
print(hash(True), hash(False))
print(hash(1.0) == hash(1), hash(2.5) == hash(2.5))
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((2, 1)))
print(hash(()) == hash(()))
d = {(1, 2): 'a', 1: 'b', 1.0: 'c'}
print(d)
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)))
