# yield from delegates and returns the sub-generator's value.
def inner(tag):
    yield tag + '1'
    yield tag + '2'
    return tag.upper()
def outer():
    r1 = yield from inner('a')
    print('inner returned', r1)
    r2 = yield from inner('b')
    print('inner returned', r2)
    yield from [10, 20]
    yield from range(2)
    return r1 + r2
g = outer()
out = []
while True:
    try:
        out.append(next(g))
    except StopIteration as e:
        print('outer returned', e.value)
        break
print(out)
def flatten(x):
    for item in x:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
def chain(*its):
    for it in its:
        yield from it
print(list(chain('ab', (1, 2), {'k': 0})))
