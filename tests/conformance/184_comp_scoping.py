# Comprehension loop variables do not leak; closures inside comprehensions.
x = 'outer'
squares = [x * x for x in range(4)]
print(x, squares)
try:
    print(y)
except NameError as e:
    print('NameError:', e)
vals = [y for y in range(3)]
try:
    print(y)
except NameError:
    print('y did not leak')
n = 10
print([n + i for i in range(3)])
def scale(factor):
    return [v * factor for v in range(4)]
print(scale(3))
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs2 = [(lambda i: lambda: i)(i) for i in range(3)]
print([f() for f in funcs2])
fns = {k: (lambda k=k: k * 2) for k in 'ab'}
print(fns['a'](), fns['b']())
for i in range(2):
    pass
print('for loop var does leak:', i)
