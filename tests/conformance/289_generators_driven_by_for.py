# Generators driven by for loops: breaks, resumption by next(), errors, nesting.
import sys

def count(n):
    for i in range(n):
        yield i
    return "done"

g = count(5)
for x in g:
    if x == 2:
        break
print("after break", next(g), list(g))
for x in g:
    print("never")
print("exhausted loop ok")

def boom(n):
    yield 1
    raise ValueError("inside %d" % n)

try:
    for v in boom(3):
        print("got", v)
except ValueError as e:
    print("caught", e)

def stops():
    yield 1
    raise StopIteration

try:
    for v in stops():
        print("stops", v)
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)

def selfish():
    yield next(me)

me = selfish()
try:
    for v in me:
        pass
except ValueError as e:
    print("ValueError", e)

def tree(depth):
    if depth == 0:
        yield "leaf"
        return
    for sub in tree(depth - 1):
        yield sub + "/" + str(depth)

print(list(tree(3)))
for item in tree(2):
    print(item)

def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")

for v in with_finally():
    print("v", v)

gen = with_finally()
for v in gen:
    break
gen.close()
print("closed")

def echo():
    got = yield 1
    print("echo got", got)
    got = yield 2
    print("echo got", got)

e = echo()
for v in e:
    print("loop", v)
    if v == 1:
        print("send ->", e.send("hello"))

def deep(n):
    if n:
        for v in deep(n - 1):
            yield v
    else:
        yield 0

try:
    for v in deep(5000):
        pass
except RecursionError:
    print("RecursionError")

def handler():
    try:
        raise KeyError("k")
    except KeyError:
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]

print([x for x in handler()])
for a, b in zip(count(3), count(4)):
    print(a, b)
print(sum(x for x in count(10)), max(count(7)))
