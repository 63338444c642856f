# __exit__ receives the exception type, value and traceback.
class Inspect:
    def __init__(self, suppress):
        self.suppress = suppress
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            print('exit clean', exc_value, tb)
        else:
            print('exit with', exc_type.__name__, repr(exc_value), tb is not None)
        return self.suppress
with Inspect(False):
    pass
with Inspect(True):
    raise KeyError('swallowed')
print('continues')
try:
    with Inspect(False):
        raise IndexError('escapes')
except IndexError as e:
    print('caught outside:', e)
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError('from exit')
try:
    with ExitRaises():
        raise ValueError('original')
except RuntimeError as e:
    print(e, '| context:', repr(e.__context__))
