# Exceptions carry __traceback__; with_traceback and clearing it.
try:
    1 / 0
except ZeroDivisionError as e:
    tb = e.__traceback__
    print(tb is not None, type(tb).__name__, tb.tb_lineno)
    e.__traceback__ = None
    print(e.__traceback__)
def inner():
    raise ValueError('deep')
def outer():
    inner()
try:
    outer()
except ValueError as e:
    depth = 0
    t = e.__traceback__
    while t is not None:
        depth += 1
        t = t.tb_next
    print('traceback depth', depth)
err = RuntimeError('x')
print(err.__traceback__)
try:
    raise err.with_traceback(None)
except RuntimeError as e:
    print(e is err)
