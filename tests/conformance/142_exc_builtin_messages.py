# Messages of common built-in exceptions.
class Thing:
    pass
nothing = None
five = 5
cases = [
    lambda: [1, 2][5],
    lambda: (1,)[-3],
    lambda: 'abc'[9],
    lambda: {'a': 1}['b'],
    lambda: [].pop(),
    lambda: {}.popitem(),
    lambda: [1].remove(9),
    lambda: [1].index(9),
    lambda: (1, 2).index(3),
    lambda: set().pop(),
    lambda: {1}.remove(2),
    lambda: len(5),
    lambda: nothing(),
    lambda: five[0],
    lambda: hash([]),
    lambda: hash({}),
    lambda: Thing().missing,
    lambda: Thing.missing,
    lambda: abs('x'),
    lambda: -'x',
    lambda: max([]),
    lambda: chr(-1),
    lambda: int('1.5'),
    lambda: int('12', 2),
    lambda: iter(5),
    lambda: next(iter([])),
    lambda: [1, 2] + (3,),
    lambda: 'a' * 'b',
    lambda: {}[[1]],
    lambda: range(1, 2, 0),
    lambda: sum(['a', 'b']),
]
for c in cases:
    try:
        c()
        print('no error')
    except Exception as e:
        print(f'{type(e).__name__}: {e}')
