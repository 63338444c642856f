# Generator expressions are lazy and single-use.
g = (x * x for x in range(5))
print(type(g).__name__, next(g), next(g))
print(list(g), list(g))
print(sum(x for x in range(101)), max(len(w) for w in ['a', 'abc', 'ab']))
print(any(x > 3 for x in [1, 5]), all(x > 0 for x in [1, -1]))
evaluated = []
def mark(x):
    evaluated.append(x)
    return x
lazy = (mark(x) for x in range(10))
print(evaluated)
print(next(lazy), next(lazy), evaluated)
pairs = ((a, b) for a in range(3) for b in range(a))
print(list(pairs))
print(sorted((n % 3, n) for n in range(6)))
print(', '.join(str(n) for n in range(4) if n != 2))
print(dict((k, len(k)) for k in ['x', 'yy']))
nested = (sum(row) for row in [[1, 2], [3, 4]])
print(list(nested))
