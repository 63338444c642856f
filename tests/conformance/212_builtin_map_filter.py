# map() and filter() return lazy iterators.
m = map(str.upper, ['a', 'b'])
print(type(m).__name__, list(m), list(m))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(map(int, '1 2 3'.split())), list(map(len, ['', 'ab'])))
print(list(filter(None, [0, 1, '', 'x', [], [0], None, False, 2.5])))
print(list(filter(str.isdigit, ['1', 'a', '22', ''])))
f = filter(lambda x: x > 2, range(6))
print(next(f), list(f))
print(sum(map(abs, [-1, -2, 3])), max(map(len, ['aa', 'b', 'cccc'])))
calls = []
def trace(x):
    calls.append(x)
    return x * 10
lazy = map(trace, [1, 2, 3])
print(calls, next(lazy), calls)
print(list(map(pow, [2, 3], [3, 2])))
