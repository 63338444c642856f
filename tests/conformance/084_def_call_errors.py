# TypeError messages for bad calls.
def f(a, b):
    return a + b
class C:
    def m(self, x):
        return x
def h():
    return 0
def g(a, *, k):
    return a
calls = [
    lambda: f(1),
    lambda: f(1, 2, 3),
    lambda: f(1, b=2, c=3),
    lambda: f(1, a=1),
    lambda: f(),
    lambda: C().m(),
    lambda: C().m(1, 2),
    lambda: g(1),
    lambda: g(1, 2),
    lambda: h(1),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print(e)
