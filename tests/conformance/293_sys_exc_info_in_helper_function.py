# sys.exc_info() seen from a function called inside an except block.
import sys
def describe_current():
    t, v, _ = sys.exc_info()
    return 'none' if t is None else f'{t.__name__}({v})'
print(describe_current())
try:
    int('bad')
except ValueError:
    print(describe_current())
print(describe_current())
def gen():
    try:
        raise KeyError('g')
    except KeyError:
        yield describe_current()
    yield describe_current()
print(list(gen()))
