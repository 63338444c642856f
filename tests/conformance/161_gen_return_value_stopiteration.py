# A generator's return value travels in StopIteration.value.
def gen():
    yield 1
    yield 2
    return 'done'
g = gen()
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print('StopIteration value:', e.value, e.args)
try:
    next(g)
except StopIteration as e:
    print('again:', e.value)
def empty():
    return 5
    yield
e = empty()
try:
    next(e)
except StopIteration as s:
    print('empty returned', s.value)
def bad():
    yield 1
    raise StopIteration('inside')
try:
    list(bad())
except RuntimeError as err:
    print('RuntimeError:', err, '| cause:', repr(err.__cause__))
