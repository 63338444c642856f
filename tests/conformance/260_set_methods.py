# set add, discard, remove, pop, clear, copy, update (printed sorted).
s = {3, 1}
s.add(2)
s.add(3)
print(sorted(s), len(s))
s.discard(1)
s.discard(99)
print(sorted(s))
s.remove(2)
print(sorted(s))
try:
    s.remove(42)
except KeyError as e:
    print('KeyError:', e)
s.update([5, 6], (7,), 'a')
print(sorted(s, key=str))
c = s.copy()
c.add('new')
print(len(s), len(c))
p = {'only'}
print(p.pop(), p)
c.clear()
print(len(c), c == set())
print(s.add(0), s.discard(0))
