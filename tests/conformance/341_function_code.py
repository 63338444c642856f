# Function metadata: __code__ views and defaults, read and replaced, and a command
# registry that reads argument names and counts from them.


def describe(fn):
    c = fn.__code__
    print(
        c.co_name,
        c.co_qualname,
        c.co_argcount,
        c.co_posonlyargcount,
        c.co_kwonlyargcount,
        c.co_nlocals,
        c.co_varnames,
        c.co_flags,
    )


def plain(a, b):
    total = a + b
    for i in range(3):
        total += i
    return total


def everything(a, b=1, *args, c, d=2, **kw):
    x = a
    return x


def positional_only(p, q, /, r):
    return p + q + r


def outer(n):
    scale = n * 2

    def inner(v):
        return v * scale

    def gen(k):
        for j in range(k):
            yield j + scale

    return inner, gen


def gen_top():
    yield 1


class Shop:
    def buy(self, item, qty=1):
        cost = qty * 3
        return cost

    @staticmethod
    def tax(amount, *, rate=0.2):
        return amount * rate


inner, gen = outer(3)
for fn in [plain, everything, positional_only, outer, inner, gen, gen_top, Shop.buy, Shop.tax, lambda: 0, lambda x, *y: x]:
    describe(fn)

print(type(plain.__code__).__name__, plain.__code__ is plain.__code__)
print(plain.__code__.co_filename.endswith("341_function_code.py"))
print(plain.__code__.co_firstlineno, Shop.tax.__code__.co_firstlineno, inner.__code__.co_firstlineno)
print(repr(plain.__code__).split(" at ")[0])
print(plain(1, 2), positional_only(1, 2, 3))

# Defaults: read, replace, remove.
print(everything.__defaults__, everything.__kwdefaults__, plain.__defaults__, plain.__kwdefaults__)
print(Shop.buy.__defaults__, Shop.tax.__kwdefaults__)
Shop.buy.__defaults__ = (10,)
print(Shop().buy("apple"))
Shop.tax.__kwdefaults__ = {"rate": 0.5}
print(Shop.tax(10))
Shop.buy.__defaults__ = None
try:
    Shop().buy("pear")
except TypeError as e:
    print("TypeError:", e)
for attr, value in [("__defaults__", 3), ("__kwdefaults__", (1,)), ("__name__", 5), ("__code__", "x"), ("__dict__", [])]:
    try:
        setattr(plain, attr, value)
    except TypeError as e:
        print("TypeError:", e)

# A command registry reading argument counts from __code__.
REGISTRY = {}


def register(fn):
    code = fn.__code__
    names = code.co_varnames[: code.co_argcount]
    REGISTRY[fn.__name__] = (fn, names, len(fn.__defaults__ or ()))
    return fn


@register
def teleport(x, y, z=0):
    return (x, y, z)


@register
def say(text):
    return text.upper()


for name, (fn, names, optional) in sorted(REGISTRY.items()):
    required = len(names) - optional
    print(f"{name}({', '.join(names)}) needs {required}..{len(names)}:", fn(*range(1, required + 1)) if name != "say" else fn("hi"))
