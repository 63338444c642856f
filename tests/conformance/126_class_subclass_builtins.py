# Subclassing list, dict and Exception-like builtins.
class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, len(s), s.peek())
print(s.pop(), s, isinstance(s, list), type(s).__name__)
class DefaultDict(dict):
    def __init__(self, factory):
        super().__init__()
        self.factory = factory
    def __missing__(self, key):
        self[key] = self.factory()
        return self[key]
d = DefaultDict(list)
d['a'].append(1)
d['b'].append(2)
d['a'].append(3)
print(d, len(d), 'a' in d)
class Name(str):
    def shout(self):
        return self.upper() + '!'
n = Name('ann')
print(n, n.shout(), n + 'x', len(n), isinstance(n, str))
class Score(int):
    def __repr__(self):
        return f'Score({int(self)})'
print(Score(5) + 2, repr(Score(7)), [Score(1)])
