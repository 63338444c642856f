# finally runs on return, and a return in finally wins.
def f():
    try:
        return 'from try'
    finally:
        print('finally runs')
print(f())
def g():
    try:
        return 'try'
    finally:
        return 'finally'
print(g())
def swallow():
    try:
        raise ValueError('lost')
    finally:
        return 'finally swallowed the exception'
print(swallow())
def counter():
    n = 0
    try:
        n += 1
        return n
    finally:
        n += 100
        print('n in finally', n)
print(counter())
def loop():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append('f' + str(i))
    return out
print(loop())
