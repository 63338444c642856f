# Exceptions raised inside generators propagate to the consumer.
def risky():
    yield 1
    raise ValueError('generator failed')
    yield 2
g = risky()
print(next(g))
try:
    next(g)
except ValueError as e:
    print('consumer caught:', e)
print(next(g, 'gen is finished'))
def guarded(items):
    for it in items:
        try:
            yield 10 // it
        except ZeroDivisionError:
            yield 'div0'
print(list(guarded([1, 0, 5])))
def with_finally():
    try:
        yield 'a'
        yield 'b'
    finally:
        print('finally in generator')
print(list(with_finally()))
def genexp_error():
    return list(1 // x for x in [1, 0])
try:
    genexp_error()
except ZeroDivisionError as e:
    print('genexp error:', e)
