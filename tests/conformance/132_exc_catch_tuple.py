# Catching several exception types with a tuple.
def risky(i):
    return [lambda: 1 / 0, lambda: [][0], lambda: {}['k'], lambda: int('x'), lambda: 'ok'][i]()
for i in range(5):
    try:
        print('result', risky(i))
    except (ZeroDivisionError, IndexError) as e:
        print('group A:', type(e).__name__)
    except (KeyError, ValueError) as e:
        print('group B:', type(e).__name__, e)
errors = (TypeError, AttributeError)
try:
    len(5)
except errors as e:
    print('dynamic tuple:', e)
try:
    raise IndexError('x')
except (LookupError,) as e:
    print('single-element tuple:', repr(e))
