# enumerate() with start and zip() with several iterables.
names = ['ann', 'bob', 'cy']
print(list(enumerate(names)))
print(list(enumerate(names, 1)), list(enumerate('ab', start=10)))
for i, n in enumerate(names, start=100):
    print(i, n)
scores = [3, 1]
print(list(zip(names, scores)))
print(list(zip(names, scores, 'xyz')), list(zip()), list(zip('a')))
pairs = list(zip(names, [1, 2, 3]))
letters, nums = zip(*pairs)
print(letters, nums)
print(dict(zip('abc', range(3))))
grid = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*grid)])
e = enumerate('xy')
print(next(e), next(e), next(e, None))
print(type(enumerate([])).__name__, type(zip()).__name__)
