# yield from forwards send() and throw() to the sub-generator.
def inner():
    got = []
    try:
        while True:
            x = yield len(got)
            if x == 'stop':
                return got
            got.append(x)
    except KeyError as e:
        print('inner handled', repr(e))
        return ['handled']
def outer():
    result = yield from inner()
    print('outer got', result)
    yield 'outer done'
g = outer()
print(next(g))
print(g.send('a'), g.send('b'))
print(g.send('stop'))
g2 = outer()
next(g2)
g2.send(1)
print(g2.throw(KeyError('k')))
def closer():
    try:
        yield from inner()
    finally:
        print('outer finally on close')
g3 = closer()
next(g3)
g3.close()
print('closed')
