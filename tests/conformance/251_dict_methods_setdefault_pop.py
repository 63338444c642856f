# setdefault, pop, popitem, update, clear, copy, fromkeys.
d = {'a': 1}
print(d.setdefault('a', 100), d.setdefault('b', 2), d.setdefault('c'), d)
groups = {}
for word in ['apple', 'avocado', 'banana', 'blueberry', 'cherry']:
    groups.setdefault(word[0], []).append(word)
print(groups)
print(d.pop('a'), d.pop('zz', 'default'), d.pop('c'), d)
try:
    d.pop('zz')
except KeyError as e:
    print('KeyError:', e)
e = {'x': 1, 'y': 2, 'z': 3}
print(e.popitem(), e.popitem(), e)
e.update({'y': 20, 'w': 0})
e.update(v=5, x=10)
e.update([('u', -1)])
print(e)
f = e.copy()
f['x'] = 'changed'
print(e['x'], f['x'])
print(dict.fromkeys('abc'), dict.fromkeys(['k1', 'k2'], 0))
shared = dict.fromkeys(['p', 'q'], [])
shared['p'].append(1)
print(shared)
f.clear()
print(f, len(f))
