# Real world: memoized fibonacci with a dict, counting calls saved.
calls = {'plain': 0, 'memo': 0}
def fib_plain(n):
    calls['plain'] += 1
    return n if n < 2 else fib_plain(n - 1) + fib_plain(n - 2)
memo = {0: 0, 1: 1}
def fib_memo(n):
    calls['memo'] += 1
    if n not in memo:
        memo[n] = fib_memo(n - 1) + fib_memo(n - 2)
    return memo[n]
print(fib_plain(20), calls['plain'])
print(fib_memo(20), calls['memo'])
print(fib_memo(90), calls['memo'], len(memo))
def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print(all(fib_iter(i) == fib_memo(i) for i in range(91)))
def make_memo(fn):
    cache = {}
    def wrapped(*args):
        if args in cache:
            return cache[args]
        result = cache[args] = fn(*args)
        return result
    wrapped.cache = cache
    return wrapped
@make_memo
def grid_paths(w, h):
    if w == 0 or h == 0:
        return 1
    return grid_paths(w - 1, h) + grid_paths(w, h - 1)
print(grid_paths(16, 16), len(grid_paths.cache))
print([fib_memo(i) % 10 for i in range(20)])
