# Nested unpacking in for loops and assignment.
points = [(1, (2, 3)), (4, (5, 6))]
for x, (y, z) in points:
    print(x + y + z)
records = [('ann', [90, 85]), ('bob', [70, 75])]
for name, (first, second) in records:
    print(name, first, second, (first + second) / 2)
(a, b), (c, d) = 'xy', [1, 2]
print(a, b, c, d)
data = {'pos': (3, 4), 'vel': (-1, 0)}
(px, py), (vx, vy) = data['pos'], data['vel']
print(px + vx, py + vy)
for i, (k, v) in enumerate(sorted(data.items())):
    print(i, k, v)
head, *(second, *others) = [1, 2, 3, 4]
print(head, second, others)
