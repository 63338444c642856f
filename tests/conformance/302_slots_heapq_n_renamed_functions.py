# __slots__ limits attributes; heapq.nsmallest/nlargest; renamed functions; Counter +c/-c.
import heapq
from collections import Counter

class Token:
    __slots__ = ("kind", "text")

    def __init__(self, kind, text):
        self.kind = kind
        self.text = text

t = Token("name", "x")
t.text = "y"
print(t.kind, t.text)
try:
    t.extra = 1
except AttributeError as e:
    print("AttributeError:", e)

class Located(Token):
    __slots__ = ("line",)

class Loose(Token):
    pass

class WithDict:
    __slots__ = ("a", "__dict__")

loc = Located("op", "+")
loc.line = 3
loose = Loose("num", "1")
loose.anything = True
w = WithDict()
w.a = 1
w.b = 2
print(loc.line, loose.anything, w.a, w.b)
try:
    loc.column = 4
except AttributeError as e:
    print("AttributeError:", e)

scores = [("ann", 31), ("bob", 12), ("cid", 45), ("dee", 12), ("eve", 29)]
print(heapq.nsmallest(2, scores, key=lambda s: s[1]), heapq.nlargest(3, [5, 1, 9, 7, 3]))
print(heapq.nlargest(2, scores, key=lambda s: s[1]), heapq.nsmallest(0, [1, 2]), heapq.nsmallest(9, [3, 1]))

def make_easing(power):
    def ease(t):
        return t ** power
    ease.__name__ = "ease_%d" % power
    return ease

print([make_easing(p).__name__ for p in (2, 3)], make_easing(2)(0.5))
c = Counter(a=3, b=0, c=-2)
print(+c, -c)
