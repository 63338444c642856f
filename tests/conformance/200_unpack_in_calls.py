# * and ** unpacking in function calls.
def show(a, b, c=0, *rest, **kw):
    return f'a={a} b={b} c={c} rest={rest} kw={kw}'
args = [1, 2, 3, 4]
kwargs = {'x': 9, 'y': 8}
print(show(*args))
print(show(*args, **kwargs))
print(show(*'ab'))
print(show(*[1], *(2,), 3))
print(show(**{'a': 'A', 'b': 'B'}))
print(show(1, **{'b': 2}, **{'z': 26}))
print(show(*range(2), c='C', **kwargs))
print(max(*[3, 9, 2]), print(*['x', 'y'], sep='-'))
try:
    show(1, 2, **{'a': 5})
except TypeError as e:
    print('TypeError:', e)
