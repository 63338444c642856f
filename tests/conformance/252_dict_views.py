# keys(), values(), items() views are live.
d = {'b': 2, 'a': 1}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
d['c'] = 3
print(list(k), list(v), list(it), len(k))
del d['b']
print(k, 'a' in k, 1 in v, ('a', 1) in it, ('a', 2) in it)
print(sorted(k & {'a', 'z'}), sorted(k | {'z'}), sorted(k - {'a'}))
print(list(reversed(d.keys())), list(reversed(d.items())))
for key, val in d.items():
    print(key, '->', val)
print(sum(d.values()), max(d.items(), key=lambda kv: kv[1]))
print(d.keys() == {'a', 'c'}, list(d.values()) == [1, 3])
