# Generator functions produce values lazily.
def count_up(n):
    print('start')
    for i in range(n):
        print('yielding', i)
        yield i
    print('end')
g = count_up(3)
print(type(g).__name__)
print(next(g))
print(next(g))
print(list(g))
print(list(g))
def squares(n):
    for i in range(n):
        yield i * i
print(sum(squares(5)), max(squares(4)), list(squares(0)))
def two_yields():
    yield 'a'
    yield 'b'
for v in two_yields():
    print(v)
print(next(two_yields(), 'x'), next(iter([]), 'default'))
