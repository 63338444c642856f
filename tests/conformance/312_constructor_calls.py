import sys
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"P({self.x}, {self.y})"
a = [1, 2]
p = P(a, 3)
print(p, sys.getrefcount(a))
class Bad:
    def __init__(self):
        return 5
try:
    Bad()
except TypeError as e:
    print("TypeError:", e)
class Boom:
    def __init__(self, n):
        raise ValueError(n)
try:
    Boom(4)
except ValueError as e:
    print("ValueError", e)
class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None
d = Deep(50)
depth = 0
while d.child is not None:
    d = d.child
    depth += 1
print(depth)
class R:
    def __init__(self, n):
        R(n + 1)
try:
    R(0)
except RecursionError as e:
    print("RecursionError", e)
class K:
    def __init__(self, a, b=2):
        self.s = a + b
print(K(1).s, K(1, 5).s)
class S(P):
    pass
print(S(7, 8))
class Bad:
    def __init__(self, k):
        return k
for v in ([1], "s", 2.5):
    try:
        Bad(v)
    except TypeError as e:
        print(e)
Bad(None)
print("ok")
