# A user list-like class with several dunders working together.
class Ring:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i % len(self.items)]
    def __iter__(self):
        for it in self.items:
            yield it
    def __contains__(self, x):
        print('contains?', x)
        return x in self.items
    def __reversed__(self):
        return iter(self.items[::-1])
    def __eq__(self, other):
        return isinstance(other, Ring) and self.items == other.items
    def __repr__(self):
        return 'Ring(' + ', '.join(map(repr, self.items)) + ')'
r = Ring('a', 'b', 'c')
print(r[0], r[4], r[-1], len(r))
print(list(r), list(reversed(r)), 'b' in r)
print(r == Ring('a', 'b', 'c'), r != Ring('a'), r)
print(sorted(r, reverse=True), ''.join(r), tuple(r))
print(dict(zip(r, range(3))), list(enumerate(r, 1)))
a, b, c = r
print(a, b, c)
