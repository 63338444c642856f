# One attribute read, many instances: different orders, deletions, late additions.
class Thing:
    kind = "class-level"

    def __init__(self, order):
        for name in order:
            setattr(self, name, name.upper())

def read(t):
    return (t.a, t.b, t.kind)

things = [Thing("ab"), Thing("ba"), Thing("cab"), Thing("abc")]
print([read(t) for t in things])
t = things[0]
del t.a
t.a = "again"
print(read(t), sorted(vars(t)))
t.kind = "own"
print(read(t), read(things[1]))
del t.kind
print(read(t))
for i in range(20):
    setattr(t, "extra%d" % i, i)
print(read(t), t.extra19)
try:
    del t.b
    read(t)
except AttributeError as e:
    print("AttributeError:", e)

class Other:
    def __init__(self):
        self.b = "other b"
        self.a = "other a"
    kind = "other kind"

print([read(x) for x in [things[1], Other(), things[2]]])
print(t.__class__.__name__, sorted(t.__dict__)[:3])
