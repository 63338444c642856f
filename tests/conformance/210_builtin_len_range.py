# len() and range() behaviour.
print(len('abc'), len([1, 2]), len((1,)), len({}), len({1: 2}), len(set('aab')), len(range(5)))
r = range(2, 20, 3)
print(r, len(r), r[0], r[-1], r[2], list(r))
print(range(10, 0, -2), list(range(10, 0, -2)), len(range(10, 0, -2)))
print(len(range(0)), len(range(5, 1)), len(range(-5, 5, 4)), len(range(0, -10, -3)))
print(5 in r, 8 in r, 20 in r, -1 in range(-3, 0))
print(r.index(8), r.count(11), r.start, r.stop, r.step)
print(range(3) == range(0, 3), range(0) == range(5, 2), range(1, 4) == [1, 2, 3])
print(list(reversed(range(4))), sum(range(101)), max(range(7)), min(range(3, 9)))
try:
    r[100]
except IndexError as e:
    print('IndexError:', e)
try:
    r.index(9)
except ValueError as e:
    print('ValueError:', e)
print(range(5)[-2], range(1, 10, 2)[1:3])
