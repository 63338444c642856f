# is / is not / in / not in.
a = [1, 2, 3]
b = a
c = [1, 2, 3]
print(a is b, a is c, a == c, a is not c)
print(None is None, type(None) is type(None))
x = None
print(x is None, x is not None)
print(2 in a, 5 in a, 5 not in a)
print('k' in {'k': 1}, 1 in {'k': 1}, 'ab' in 'cabd', (1, 2) in [(1, 2)])
print(3 in range(5), 5 in range(5), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
print(True is True, type(1) is int, type(True) is bool, type(True) is int)
class Thing:
    pass
t1 = Thing()
t2 = t1
print(t1 is t2, t1 is Thing(), t1 == t2)
s = {1, 2}
print(1 in s, 3 in s, [] == [], [] is [])
