# Builtins combined over iterables of different kinds.
d = {'b': 2, 'a': 1, 'c': 3}
print(list(d), sorted(d), len(d), max(d), min(d.values()), sum(d.values()))
print(list(enumerate(d)), list(zip(d, d.values())))
s = 'hello'
print(list(map(ord, s)), sorted(set(s)), len(set(s)), max(s, key=s.count))
t = (5, 3, 8)
print(sorted(t), sum(t), list(reversed(t)), tuple(sorted(t, reverse=True)))
r = range(1, 6)
print(list(map(lambda x: x * x, r)), list(filter(lambda x: x % 2, r)), sum(r))
nested = [[3, 4], [1, 2], [1, 1]]
print(sorted(nested), min(nested), max(nested, key=sum), sorted(map(sorted, nested)))
print(list(zip(*zip(*nested))))
print(dict(enumerate('abc')), list(reversed(list(enumerate('ab')))))
