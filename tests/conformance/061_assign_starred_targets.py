# Starred assignment targets.
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = 'abcd'
print(init, last)
a, *mid, z = range(6)
print(a, mid, z)
a, *mid, z = [1, 2]
print(a, mid, z)
(x, *ys), w = (1, 2, 3), 4
print(x, ys, w)
*everything, = (5, 6)
print(everything)
head, *tail = 'h'
print(head, tail, type(tail).__name__)
for q, *r in [(1, 2, 3), (4,), (5, 6)]:
    print(q, r)
try:
    a, *b, c = [1]
except ValueError as e:
    print('ValueError:', e)
