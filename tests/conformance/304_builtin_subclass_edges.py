# Edge cases of classes derived from built-in types, and of the embedded modules.
class X(int): pass
class Y(dict): pass
class Z(tuple): pass
class S(str): pass
print(X(), X("12"), X(3) + X(4), hash(X(3)) == hash(3), X(3) in {3: 1}, {X(3): 1}[3], Y(a=1), Y([("b", 2)]), Z([1, 2]), Z(), len(Z("ab")))
print(S("ab") + S("cd"), S("x") * 3, sorted([S("b"), S("a")]), S("a") < S("b"), max(X(1), X(5)), abs(X(-4)), -X(3), X(7) // 2, X(7) % 3, divmod(X(7), 2))
print(isinstance(X(1), int), issubclass(Y, dict), type(X(1) + 1).__name__, str(X(9)), repr(Y()), bool(Y()), bool(X(0)), bool(S("")))
from collections import deque, namedtuple
from dataclasses import dataclass
d = deque(maxlen=0); d.append(1); print(d, len(d))
P = namedtuple("P", "a b")
try:
    P._make([1, 2])
except AttributeError as e:
    print("AttributeError")
@dataclass
class Empty:
    pass
print(Empty(), Empty() == Empty())
y = Y(); y["k"] = [1]; y.update({"j": 2}); print(sorted(y.items()), y.get("k"), y.pop("j"), list(y.keys()), "k" in y)
for k, v in Y(a=1, b=2).items(): print(k, v)
print(list(reversed(Z((1, 2, 3)))), Z((1, 2)) == (1, 2), Z((1, 2)) + (3,), (0,) + Z((1,)))
