# Dict comprehensions.
print({x: x * x for x in range(5)})
names = ['ann', 'bob', 'cy']
print({n: len(n) for n in names})
print({i: n for i, n in enumerate(names)})
d = {'a': 1, 'b': 2, 'c': 3}
print({v: k for k, v in d.items()})
print({k: v for k, v in d.items() if v != 2})
print({k.upper(): v * 10 for k, v in sorted(d.items(), reverse=True)})
print({x % 3: x for x in range(10)})
print({(r, c): r * c for r in range(2) for c in range(2)})
words = 'the cat the dog a cat the end'.split()
print({w: words.count(w) for w in words})
