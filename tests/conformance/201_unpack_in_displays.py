# * and ** unpacking inside list, tuple, set and dict displays.
a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, *b), [0, *a, 5, *b, 6])
print((*'hi',), [*range(3)], [*{'k': 1, 'j': 2}])
print(sorted({*a, *b, 1, 2}))
d1 = {'x': 1, 'y': 2}
d2 = {'y': 20, 'z': 30}
print({**d1, **d2})
print({**d2, **d1})
print({'w': 0, **d1, 'x': 100})
print({**{}}, [*[]], (*(),))
merged = d1 | d2
print(merged, d2 | d1)
d1 |= {'q': 5}
print(d1)
first, *rest = [*b, *a]
print(first, rest)
