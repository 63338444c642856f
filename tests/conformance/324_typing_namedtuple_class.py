# typing.NamedTuple class syntax: fields from annotations, defaults, methods, namedtuple behaviour
from typing import NamedTuple
from collections import namedtuple


class P(NamedTuple):
    x: int
    y: int = 0

    def norm1(self):
        return abs(self.x) + abs(self.y)


p = P(1)
print(p, P(3, -4).norm1(), P(y=2, x=5), p._fields, P._field_defaults)
print(p._replace(y=9), p._asdict(), p[0], p[-1], p[:1], len(p), list(p))
a, b = P(7, 8)
print(a, b, P(1, 2) == P(1, 2), P(1, 2) == (1, 2), P(1, 2) != P(2, 1), hash(P(1, 2)) == hash((1, 2)))
print(P._make([4, 5]), P.__annotations__, P.__name__, {P(1, 2): "a"}[P(1, 2)])


class Q(P):
    def __repr__(self):
        return "Q!" + super().__repr__()


print(Q(1, 2), Q(1, 2)._replace(x=3), isinstance(Q(1, 2), P))


class Named(NamedTuple):
    name: str
    tags: list = []

    def __repr__(self):
        return "<Named %s>" % self.name

    def __str__(self):
        return self.name.upper()


n = Named("bob")
print(repr(n), str(n), n.tags, n.count("bob"), n.index("bob"), sorted([P(2, 1), P(1, 5)]))
try:
    class Bad(NamedTuple):
        a: int = 1
        c: int = 2
        b: int
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad3(NamedTuple):
        a: int

        def _asdict(self):
            return {}
except AttributeError as e:
    print("AttributeError:", e)
for args in [(1, 2, 3), ()]:
    try:
        P(*args)
    except TypeError as e:
        print("TypeError:", e)
Pt = namedtuple("Pt", "x y", defaults=[0])
print(Pt(1), Pt._field_defaults, Pt(1) == Pt(1, 0), Pt(1)._replace(y=3))
