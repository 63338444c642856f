# Exceptions from inside comprehensions, lambdas, map and sorted keys.
def safe(fn, *args):
    try:
        return fn(*args)
    except Exception as e:
        return f'{type(e).__name__}: {e}'
print(safe(lambda: [10 // x for x in [5, 2, 0]]))
print(safe(lambda: {k: v for k, v in [('a', 1), ('b',)]}))
print(safe(lambda: list(map(int, ['1', 'two']))))
print(safe(lambda: sorted([3, 1, 2], key=lambda x: 1 / (x - 2))))
print(safe(lambda: sum(x['v'] for x in [{'v': 1}, {}])))
print(safe(lambda: max([1, 2], key=lambda x: x.missing)))
print(safe(int, 'ok'))
print(safe(lambda: [1, 2, 3][1:][5]))
print(safe(lambda: sorted([(1, 'a'), (1, 2)])))
