# Various targets in for loops.
pairs = [(1, 'a'), (2, 'b')]
for n, ch in pairs:
    print(n, ch)
for i, (n, ch) in enumerate(pairs):
    print(i, n, ch)
d = {}
for d['k'] in range(3):
    pass
print(d)
class Box:
    pass
b = Box()
for b.val in 'xyz':
    pass
print(b.val)
lst = [0, 0]
for lst[0], lst[1] in [(1, 2), (3, 4)]:
    pass
print(lst)
for (a, b2), c in [((1, 2), 3)]:
    print(a, b2, c)
for x in []:
    pass
try:
    print(x)
except NameError:
    print('x never bound')
