# The 'as' name is deleted at the end of the except block.
e = 'before'
try:
    raise ValueError('x')
except ValueError as e:
    print('inside:', e)
try:
    print(e)
except NameError as ne:
    print('NameError:', ne)
saved = None
try:
    raise KeyError('kept')
except KeyError as err:
    saved = err
print('saved:', repr(saved), saved.args)
def f():
    try:
        1 / 0
    except ZeroDivisionError as exc:
        return exc
r = f()
print(type(r).__name__, r)
