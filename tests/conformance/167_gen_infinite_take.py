# Infinite generators consumed with a manual take().
def naturals(start=0):
    n = start
    while True:
        yield n
        n += 1
def take(n, it):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out
def take_next(n, it):
    it = iter(it)
    return [next(it) for _ in range(n)]
print(take(5, naturals()))
print(take_next(3, naturals(10)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print(take(15, fib()))
def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found):
            found.append(n)
            yield n
print(take(12, primes()))
def cycle(seq):
    while True:
        yield from seq
print(take(7, cycle('abc')))
evens = (n for n in naturals() if n % 2 == 0)
print(take_next(4, evens), next(evens))
