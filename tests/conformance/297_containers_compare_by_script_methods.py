# Tuples, lists and dicts holding instances compare through the instances' methods.
class Rank:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return isinstance(other, Rank) and self.n == other.n

    def __lt__(self, other):
        return self.n < other.n

    def __hash__(self):
        return hash(self.n)

    def __repr__(self):
        return "Rank(%d)" % self.n

print((Rank(1), 5) == (Rank(1), 5), [Rank(1)] == [Rank(1)], (Rank(1),) != (Rank(1),))
print((Rank(1), 5) < (Rank(2), 0), (Rank(2), 0) < (Rank(1), 9), [Rank(1)] < [Rank(1), Rank(0)])
print((Rank(3), "b") > (Rank(3), "a"), [Rank(1), Rank(2)] <= [Rank(1), Rank(2)])
print({Rank(1): [Rank(2)]} == {Rank(1): [Rank(2)]}, {Rank(1): 1} == {Rank(1): 2}, {Rank(1): 1} != {Rank(2): 1})
by_rank = {Rank(3): "c", Rank(1): "a", Rank(2): "b"}
print(sorted(by_rank.items()))
print(max([(Rank(2), "x"), (Rank(5), "y"), (Rank(1), "z")]), min((Rank(4), 1), (Rank(4), 0)))
print((Rank(1), [Rank(2), (Rank(3),)]) == (Rank(1), [Rank(2), (Rank(3),)]))
print([(Rank(1),)] in [[(Rank(1),)]], (Rank(7), 1) in [(Rank(7), 1)], [Rank(1)].index(Rank(1)))
print("{name} has {hp:>4} hp".format_map({"name": "orc", "hp": 12}))
try:
    (Rank(1), 1) < ("text", 2)
except AttributeError as e:
    print("AttributeError:", e)
class SetMember:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, SetMember) and self.v == o.v
    def __hash__(self): return hash(self.v)
print({SetMember(1), SetMember(2)} == {SetMember(2), SetMember(1)}, {SetMember(1)} != {SetMember(1)}, {SetMember(1)} == {SetMember(3)}, {1, 2} == {2, 1}, frozenset([SetMember(4)]) == frozenset([SetMember(4)]))
