# Generators are their own iterators; state survives between calls.
def gen():
    x = yield 'first'
    print('received', x)
    yield 'second'
g = gen()
print(iter(g) is g, next(g))
print(g.send('hello'))
print(next(g, 'end'))
class Tree:
    def __init__(self, v, *kids):
        self.v, self.kids = v, kids
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
t = Tree(1, Tree(2, Tree(3)), Tree(4, Tree(5), Tree(6)))
print(list(t), sum(t), 5 in t)
def countdown(n):
    while n > 0:
        yield n
        n -= 1
c = countdown(3)
for v in c:
    print('got', v)
    if v == 2:
        break
print('rest', list(c))
gens = [countdown(i) for i in range(3)]
print([list(g) for g in gens])
print(list(zip(countdown(3), countdown(5))))
