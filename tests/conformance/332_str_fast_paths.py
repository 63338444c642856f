# The string paths that work inside the heap: f-string int fields, join, split.
class S(str):
    pass


class I(int):
    def __format__(self, spec):
        return "custom"


i = -5
print(f"a{i}b{i * 3}c{0}{2**30 - 1}{-2**30}{2**40}{True}{False}{i!r}{i:03d}{I(3)}")
x = f"{7}"
print(type(x).__name__, x, len(x), x == "7", hash(x) == hash("7"))
print("".join([f"{n}" for n in range(12)]), f"{'é'}{1}é")

print(",".join([S("a"), "b", S("c")]), S("-").join("xyz"), repr("".join([])), "x".join(["only"]))
print("é".join(["ü", "a"]), len("é".join(["ü", "a"])), ", ".join({"k": 1, "j": 2}), "+".join(("p", "q")))
for bad in (["a", 1], [None]):
    try:
        ",".join(bad)
    except TypeError as e:
        print(e)

for text in ["a,b,,c", "", ",", "héllo wörld, ünï", "aaa", "  a  b c  ", "ü,é,"]:
    for sep in [",", "aa", None, " ", S(","), "ö"]:
        for limit in [-1, 0, 1, 2]:
            print(repr(text), repr(sep), limit, text.split(sep, limit), text.rsplit(sep, limit))
print(S("a b").split(), type(S("a,b").split(",")[0]).__name__)
for bad in (1, 1.5):
    try:
        "a".split(bad)
    except TypeError as e:
        print(e)
try:
    "a".split("")
except ValueError as e:
    print(e)
print("MiXeD é".upper(), "MiXeD".lower(), S("Ab").upper(), "".upper())

for text in ["a\nb\r\nc\rd", "", "\n", "x\n\n", "é\u2028ü\x0c", S("p\nq")]:
    print(text.splitlines(), text.splitlines(True), text.splitlines(keepends=True))
print(type(S("p\nq").splitlines()[0]).__name__)
print(repr("\u2028\u2029\u00a0\u3000 a\x85"), ascii("\u00a0"))


class T(tuple):
    pass


print("%s|%r" % (S("a"), S("b")), "%s" % ((1, 2),), "%(k)s" % {"k": 3}, "%s-%s" % T((1, 2)))
