# close() raises GeneratorExit inside the generator.
def worker():
    try:
        n = 0
        while True:
            yield n
            n += 1
    except GeneratorExit:
        print('got GeneratorExit')
        raise
    finally:
        print('cleanup')
w = worker()
print(next(w), next(w))
w.close()
print('closed')
print(next(w, 'nothing more'))
w.close()
def unstarted():
    try:
        yield 1
    finally:
        print('never printed: not started')
u = unstarted()
u.close()
print('closed unstarted')
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 'refuse'
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print('RuntimeError:', e)
print(next(s, 'finished'))
def loop_user():
    w = worker()
    for v in w:
        if v == 2:
            break
    w.close()
    return v
print(loop_user())
