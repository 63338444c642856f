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
