# __context__ is set automatically; __cause__ only with 'from'.
def handler():
    try:
        {}['x']
    except KeyError as first:
        try:
            raise ValueError('second')
        except ValueError as second:
            return first, second
f, s = handler()
print(repr(s.__context__), s.__cause__, s.__suppress_context__)
print(f.__context__)
def chain():
    try:
        try:
            raise TypeError('a')
        except TypeError:
            raise ValueError('b')
    except ValueError:
        raise KeyError('c')
try:
    chain()
except KeyError as e:
    names = []
    cur = e
    while cur is not None:
        names.append(f'{type(cur).__name__}({cur})')
        cur = cur.__context__
    print(' <- '.join(names))
