# Chained assignment binds the same object to each target.
a = b = c = 0
print(a, b, c)
x = y = []
x.append(1)
print(x, y, x is y)
i = lst = None
lst = [0, 0, 0]
i = lst[i] = 1
print(i, lst)
d = {}
d['a'] = d['b'] = 5
print(d)
p, q = r = (1, 2)
print(p, q, r)
class Obj:
    pass
o = Obj()
o.u = o.v = 'same'
print(o.u, o.v)
