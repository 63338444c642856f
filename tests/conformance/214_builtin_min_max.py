# min() and max() with key and default.
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max('hello'))
print(max(['apple', 'fig', 'banana'], key=len), min(['apple', 'fig', 'banana'], key=len))
print(max([], default='empty'), min((), default=None))
print(max([1, 3, 3, 2], key=lambda x: x), max([(1, 'a'), (1, 'b')]))
print(max(['aa', 'bb', 'c'], key=len), min(['aa', 'bb', 'c', 'd'], key=len))
print(max({'a': 3, 'b': 7}, key=lambda k: {'a': 3, 'b': 7}[k]))
scores = {'ann': 90, 'bob': 95, 'cy': 95}
print(max(scores, key=scores.get), max(scores.items(), key=lambda kv: kv[1]))
print(min(-1.5, -2), max(2, 2.0), max(2.0, 2), min(1, True))
try:
    min([])
except ValueError as e:
    print('ValueError:', e)
try:
    max(1)
except TypeError as e:
    print('TypeError:', e)
print(max(range(10), key=lambda n: (n % 3, n)))
