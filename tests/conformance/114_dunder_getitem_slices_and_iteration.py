# __getitem__ receives slice objects and enables old-style iteration.
class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if isinstance(i, slice):
            start, stop, step = i.indices(self.n)
            return [self[j] for j in range(start, stop, step)]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError('Seq index out of range')
        return i * i
s = Seq(6)
print(s[2], s[-1], s[1:4], s[::2], s[::-1])
print(list(s), 16 in s, 17 in s)
for v in s:
    print(v, end=' ')
print()
class Show:
    def __getitem__(self, k):
        return k
sh = Show()
print(sh[1:2], sh[::3], sh[1, 2], sh['key'], sh[:])
sl = sh[1:10:2]
print(sl.start, sl.stop, sl.step, slice(5).stop, slice(1, 2).step)
