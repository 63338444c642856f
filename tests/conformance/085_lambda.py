# lambda expressions.
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2))
print((lambda: 'no args')())
print((lambda *a, **k: (a, k))(1, 2, z=3))
pairs = [(3, 'c'), (1, 'a'), (2, 'b')]
print(sorted(pairs, key=lambda p: p[1], reverse=True))
print(list(map(lambda n: n * 2, range(4))))
print(list(filter(lambda n: n % 3 == 0, range(10))))
compose = lambda f, g: lambda x: f(g(x))
inc_then_sq = compose(square, lambda x: x + 1)
print(inc_then_sq(3))
print(square.__name__)
ops = {'+': lambda a, b: a + b, '*': lambda a, b: a * b}
print(ops['+'](2, 3), ops['*'](2, 3))
