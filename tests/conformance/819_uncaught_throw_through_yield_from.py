# throw() and close() pass through yield from to the inner generator; an unhandled one shows both frames.
def inner():
    yield 1
    yield 2
def outer():
    yield from inner()
g = outer()
next(g)
try:
    g.throw(ValueError("v"))
except ValueError as e:
    print("ValueError", e)
def gen2():
    try:
        yield from inner()
    except ValueError as e:
        yield "caught " + str(e)
h = gen2()
next(h)
print(h.throw(ValueError("w")))
print(list(h))
def cl():
    try:
        yield 1
    finally:
        print("inner closed")
def outer2():
    try:
        yield from cl()
    finally:
        print("outer closed")
k = outer2()
next(k)
k.close()
g = outer()
next(g)
g.throw(KeyError("final"))
