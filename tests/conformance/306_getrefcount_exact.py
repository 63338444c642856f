# sys.getrefcount counts every reference, the argument's own included, as CPython does.
import sys
a = []
print(sys.getrefcount(a))
b = [a, a]
print(sys.getrefcount(a))
d = {'k': a}
print(sys.getrefcount(a))
del b, d
print(sys.getrefcount(a))
def f(x):
    return sys.getrefcount(x)
print(f(a))
def g():
    local = [1]
    other = local
    return sys.getrefcount(local)
print(g())
class C:
    pass
c = C()
print(sys.getrefcount(c))
for item in [a]:
    print(sys.getrefcount(item))
t = (a,)
print(sys.getrefcount(a))
c.me = c
print(sys.getrefcount(c))
del c.me
print(sys.getrefcount(c))
box = [None]
box[0] = a
print(sys.getrefcount(a), sys.getrefcount(box))
