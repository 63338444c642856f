# __iadd__ versus __add__ fallback for augmented assignment.
class Stack:
    def __init__(self, items=None):
        self.items = list(items or [])
    def __iadd__(self, other):
        print('iadd')
        self.items.extend(other)
        return self
    def __add__(self, other):
        print('add')
        return Stack(self.items + list(other))
    def __repr__(self):
        return f'Stack({self.items})'
s = Stack([1])
alias = s
s += [2, 3]
print(s, alias, s is alias)
t = s + [4]
print(t, s)
class Counter:
    def __init__(self, n):
        self.n = n
    def __add__(self, k):
        return Counter(self.n + k)
    def __repr__(self):
        return f'Counter({self.n})'
c = Counter(1)
orig = c
c += 5
print(c, orig, c is orig)
class Scale:
    def __init__(self, v):
        self.v = v
    def __imul__(self, k):
        self.v *= k
        return self
    def __isub__(self, k):
        self.v -= k
        return self
sc = Scale(2)
sc *= 10
sc -= 1
print(sc.v)
