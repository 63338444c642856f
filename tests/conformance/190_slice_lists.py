# Slicing lists with start, stop, step.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[:], a[-3:], a[:-3])
print(a[::2], a[1::2], a[::-1], a[::-3], a[8:2:-2], a[2:8:-1])
print(a[-1:-4:-1], a[100:], a[-100:2], a[5:100], a[3:3])
b = a[:]
b[0] = 'changed'
print(a[0], b[0], a[:] is a, a[:] == a)
print([][:5], [1][::-1], a[1:-1:3])
print(a[None:None:None] == a, a[slice(2, 6)], a[slice(None, None, -4)])
s = slice(1, 8, 3)
print(s, a[s], s.indices(5))
