# An exception from finally replaces the one in flight (kept as __context__).
def replace():
    try:
        raise ValueError('original')
    finally:
        raise RuntimeError('replacement')
try:
    replace()
except RuntimeError as e:
    print(e, '<-', repr(e.__context__))
def translate(key):
    table = {'a': 1}
    try:
        return table[key]
    except KeyError:
        raise LookupError(f'unknown key {key!r}') from None
print(translate('a'))
try:
    translate('b')
except LookupError as e:
    print(type(e).__name__, e, e.__cause__, e.__suppress_context__)
def cleanup_fails():
    try:
        return 'value'
    finally:
        [].pop()
try:
    cleanup_fails()
except IndexError as e:
    print('IndexError:', e)
