# throw() raises an exception at the paused yield.
def resilient():
    while True:
        try:
            yield 'working'
        except ValueError as e:
            print('generator handled', e)
            yield 'recovered'
g = resilient()
print(next(g))
print(g.throw(ValueError('glitch')))
print(next(g))
def fragile():
    try:
        yield 1
        yield 2
    finally:
        print('fragile cleanup')
f = fragile()
print(next(f))
try:
    f.throw(KeyError('fatal'))
except KeyError as e:
    print('propagated', repr(e))
print(next(f, 'exhausted'))
def not_started():
    yield 1
n = not_started()
try:
    n.throw(IndexError('early'))
except IndexError as e:
    print('thrown before start:', e)
