# More tuple behaviour: tuple() of iterables, nesting, comparison in sort keys.
t = tuple(x * x for x in range(5))
print(t, t[::-1], t[1:-1], sum(t))
pairs = ((1, 'b'), (1, 'a'), (0, 'z'))
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]))
print(tuple('abc'), tuple({'k': 1}), tuple(range(0)), tuple([[]]))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested), nested == ((1, 2), (3, (4, 5))))
a = (1, 2)
b = a
a += (3,)
print(a, b)
print((1, 2) * 2, 3 * ('x',), (1,) * 0)
print(sorted({(2, 'b'), (1, 'z'), (2, 'a')}))
