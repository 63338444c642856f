# Plain % conversions (%s %r %d %i %u %%) and their edges; dict lookups with str keys.
class S(str):
    pass


class T(str):
    def __str__(self):
        return "T-str"

    def __repr__(self):
        return "T-repr"


class N(int):
    def __str__(self):
        return "N-str"


class P:
    def __repr__(self):
        return "P()"


print("unit%d" % 7, "%d|%i|%u" % (True, False, -12), "%d" % (2**62,), "%d" % -(2**40))
print("%s %s %s %s" % (None, True, 1.5, 1e300), "%r %r" % (0.1, "it's"), "%d%%" % 50)
print("%s|%r|%s|%r" % (S("ab"), S("ab"), T("x"), T("x")), "%s" % T("y"), "%r" % T("z"))
print("%d %s %s %x" % (N(4), N(4), (N(5),), N(255)), "%s" % N(6), "%d" % N(7))
print("%s %r" % (P(), P()), "%s" % [1, "a"], "%s" % ((1, 2),), "%r" % ({"k": 1.5},))
print("%s" % {"a": 1}, "x" % {}, "%(a)s-%(b)r" % {"a": 1, "b": "q"}, S("u%d") % 3)
print("héllo %s %d" % ("wörld", 3), "%s%s" % ("", ""), "%%" % (), repr("" % ()))
print("%d" % 2.7, "%i" % -3.9, "%5d|%-4s|%.2s|%+d" % (1, "a", "xyz", 4), "%s" % ("x" * 300,))
for fmt, args in [("%d", "x"), ("%d", (1, 2)), ("%d %d", (1,)), ("%s", ()), ("%", ()),
                  ("abc", 5), ("%d", None), ("%z", 1), ("%r %", (1,)), ("%(a)s", (1,)),
                  ("%d", [1]), ("%s %s", [1, 2])]:
    try:
        print(repr(fmt % args))
    except Exception as e:
        print(type(e).__name__, e)

counts = {}
names = ["unit%d" % (i % 7) for i in range(50)] + ["two words", "é", ""]
for name in names:
    counts[name] = counts.get(name, 0) + 1
print(sorted(counts.items()))
key = "".join(["un", "it", "3"])
print(counts[key], counts.get(key), key in counts, counts.get("unit9", "absent"))
print(counts.get(S("unit4")), counts[S("unit5")], {S("k"): 1}["k"], {"two words": 2}[key[:0] + "two words"])
mixed = {1: "int", "1": "str", (1, "a"): "tuple", 2.5: "float"}
print(mixed[1.0], mixed[True], mixed["1"], mixed[(1, "a")], mixed[2.5], mixed.get(3))
table = {}
for i in range(-5, 300):
    table[i] = i * 2
print(len(table), table[-5], table[299], sum(table[i] for i in range(-5, 300)))
for bad in (slice(1, 2), [1], {}):
    try:
        table[bad] = 1
    except TypeError as e:
        print("set", e)
    try:
        table[bad]
    except TypeError as e:
        print("get", e)
try:
    counts["missing"]
except KeyError as e:
    print("KeyError", e)
