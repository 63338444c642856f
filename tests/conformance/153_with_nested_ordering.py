# Nested with blocks exit in reverse order, even on error.
log = []
class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        log.append('enter ' + self.name)
        return self
    def __exit__(self, t, v, tb):
        log.append('exit ' + self.name + (' !' + t.__name__ if t else ''))
        return False
try:
    with CM('a'), CM('b'), CM('c'):
        log.append('body')
        raise ValueError
except ValueError:
    log.append('handled')
print(log)
log.clear()
with CM('outer'):
    try:
        with CM('inner'):
            [][0]
    except IndexError:
        log.append('inner error handled')
print(log)
class BadEnter:
    def __enter__(self):
        raise OSError('cannot enter')
    def __exit__(self, *a):
        print('never called')
try:
    with BadEnter():
        print('never runs')
except OSError as e:
    print('OSError:', e)
