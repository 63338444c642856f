# The built-in collections module: deque, defaultdict, Counter, OrderedDict, namedtuple.
from collections import deque, defaultdict, Counter, OrderedDict, namedtuple
import collections

q = deque([1, 2, 3], maxlen=4)
q.append(4); q.append(5); q.appendleft(0)
print(q, len(q), q[0], q.popleft(), q.pop(), list(q), 3 in q)
q.rotate(1); print(q); q.extendleft([9, 8]); print(q, deque())
try:
    deque().popleft()
except IndexError as e:
    print("IndexError:", e)

groups = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[word[0]].append(word)
print(groups, dict(groups), groups["z"], len(groups))
counts = defaultdict(int)
for ch in "hello world":
    counts[ch] += 1
print(sorted(counts.items()))

c = Counter("abracadabra")
print(c, c.most_common(2), c["z"], c.total(), sorted(c.elements())[:4])
c.update("aaz"); c.subtract({"b": 2})
print(c, Counter(a=2, b=1) + Counter(a=1, c=3), Counter(a=3) - Counter(a=1, b=2), Counter())

od = OrderedDict()
od["x"] = 1; od["y"] = 2; od["z"] = 3
od.move_to_end("x")
print(od, od.popitem(), list(od.keys()))

Point = namedtuple("Point", "x y")
p = Point(1, y=2)
x, y = p
print(p, p.x, p[1], x + y, p == Point(1, 2), p == (1, 2), len(p), p._asdict(), p._replace(x=5))
print({p: "origin-ish"}[Point(1, 2)], sorted([Point(2, 1), Point(1, 5)]), Point._fields, type(p).__name__)
Card = namedtuple("Card", ["rank", "suit"], defaults=["spades"])
print(Card("A"), Card("K", "hearts"), collections.Counter("aab")["a"])
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
