# __enter__ and __exit__.
class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print('open', self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print('close', self.name, exc_type.__name__ if exc_type else None)
        return False
with Resource('a') as r:
    print('using', r.name)
try:
    with Resource('b'):
        raise ValueError('boom')
except ValueError as e:
    print('propagated:', e)
class Suppress:
    def __enter__(self):
        return 'value from enter'
    def __exit__(self, t, v, tb):
        print('suppressing', t.__name__ if t else None, v)
        return True
with Suppress() as s:
    print(s)
    1 / 0
    print('not reached')
print('after suppress')
with Resource('x') as x, Resource('y') as y:
    print('both', x.name, y.name)
