# dict access, get, in, del, len, iteration order.
d = {'one': 1, 'two': 2}
d['three'] = 3
print(d, len(d), d['two'], d.get('two'), d.get('four'), d.get('four', 4))
print('one' in d, 1 in d, 'four' not in d)
d['one'] = 'ONE'
print(d)
del d['two']
d['two'] = 2
print(d, list(d))
for k in d:
    print(k, d[k])
try:
    d['missing']
except KeyError as e:
    print('KeyError:', e, repr(e))
mixed = {1: 'int', 2.5: 'float', 'k': 'str', (1, 2): 'tuple', None: 'none', True: 'bool?'}
print(mixed, mixed[1], mixed[(1, 2)], mixed[None])
print({}.get('x'), dict(a=1) == {'a': 1})
