# Starred expressions in return, yield and for statements.
def pack(*args):
    return (*args, len(args))
print(pack(1, 2), pack())
def spread(first, *rest):
    return [first, *reversed(rest)]
print(spread(1, 2, 3, 4))
def gen(*parts):
    yield (*parts, 'end')
print(list(gen('a', 'b')))
rows = [(1, 2, 3), (4, 5, 6, 7)]
for first, *middle, last in rows:
    print(first, middle, last)
defaults = {'w': 640, 'h': 480}
override = {'h': 720, 'fs': True}
def make(**kw):
    return kw
print(make(**{**defaults, **override}), make(**defaults, fs=False))
coords = [(1, 2), (3, 4)]
print(*[f'{x}:{y}' for x, y in coords], sep=' | ')
print([*map(sum, coords)], {*'aab'} == {'a', 'b'})
