# Set algebra with operators and methods.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)))
print(sorted(a.symmetric_difference(b)), sorted(a.union([9], (10,))))
print(sorted(a.intersection(range(3))), sorted(a.difference('ab')))
c = set(a)
c |= {10}
c &= {1, 2, 10, 11}
c -= {2}
c ^= {1, 20}
print(sorted(c))
d = {1, 2, 3}
d.intersection_update({2, 3, 4})
print(sorted(d))
d.difference_update({3})
print(sorted(d))
d.symmetric_difference_update({2, 8})
print(sorted(d))
try:
    a | [1]
except TypeError as e:
    print('TypeError:', e)
