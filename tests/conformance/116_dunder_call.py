# __call__ makes instances callable.
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x, scale=1):
        return x * self.k * scale
triple = Multiplier(3)
print(triple(5), triple(5, scale=2), callable(triple), callable(Multiplier))
print(list(map(triple, [1, 2, 3])))
class Accumulate:
    def __init__(self):
        self.total = 0
    def __call__(self, *values):
        self.total += sum(values)
        return self
acc = Accumulate()
acc(1)(2, 3)(4)
print(acc.total)
print(callable(5), callable('x'), callable(len), callable(lambda: 0))
print(sorted([3, -4, 1], key=Multiplier(-1)))
