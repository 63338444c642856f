# __iter__ and __next__ define iterators.
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(Countdown(5)))
c = Countdown(3)
print(next(c), next(c), next(c), next(c, 'done'))
print(list(c))
class Deck:
    def __init__(self, cards):
        self.cards = cards
    def __iter__(self):
        return iter(self.cards)
d = Deck(['A', 'K', 'Q'])
print(list(d), list(d), 'K' in d)
for a, b in zip(d, Countdown(10)):
    print(a, b)
it = iter(Deck([1, 2]))
print(next(it), next(it))
try:
    next(it)
except StopIteration:
    print('StopIteration')
print(sum(Countdown(4)), sorted(Countdown(3)), max(Countdown(6)))
