# The first iterable of a generator expression is evaluated immediately.
data = [1, 2, 3]
g = (x * 10 for x in data)
data = [7, 8, 9]
print(list(g))
items = [1, 2, 3]
g2 = (x for x in items)
items.append(4)
print(list(g2))
try:
    bad = (x for x in 5)
except TypeError as e:
    print('TypeError at creation:', e)
g3 = (1 / x for x in [1, 0])
print('created lazily')
print(next(g3))
try:
    next(g3)
except ZeroDivisionError as e:
    print('ZeroDivisionError at iteration:', e)
k = 2
g4 = (x * k for x in range(3))
k = 100
print(list(g4))
