# finally interacting with break, continue and return in loops.
def f():
    log = []
    for i in range(5):
        try:
            if i == 0:
                continue
            if i == 2:
                raise ValueError(i)
            if i == 4:
                return log
            log.append(('body', i))
        except ValueError as e:
            log.append(('except', e.args[0]))
        finally:
            log.append(('finally', i))
    return 'unreachable'
for entry in f():
    print(entry)
def nested_finally():
    try:
        try:
            return 'inner return'
        finally:
            print('inner finally')
    finally:
        print('outer finally')
print(nested_finally())
def finally_break():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return 'exception discarded by break in finally'
print(finally_break())
