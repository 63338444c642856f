# iter() and next() with defaults, and the sentinel form.
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, 'end'), next(it, None))
it2 = iter('ab')
print(list(it2), list(it2))
d = {'x': 1, 'y': 2}
di = iter(d)
print(next(di), next(di))
print(iter(it) is it)
data = [5, 3, 0, 7]
pos = [0]
def read():
    v = data[pos[0]]
    pos[0] += 1
    return v
print(list(iter(read, 0)))
try:
    next(iter(()))
except StopIteration as e:
    print('StopIteration', e.args)
try:
    next([1, 2])
except TypeError as e:
    print('TypeError:', e)
lines = iter(['header', 'a', 'b'])
header = next(lines)
print(header, [l for l in lines])
