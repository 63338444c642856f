# Reflected operators and NotImplemented fallbacks.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f'Money({self.cents})'
    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented
    def __radd__(self, other):
        print('radd with', other)
        return self.__add__(other)
    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents == other.cents
print(Money(5) + Money(7), Money(5) + 3, 3 + Money(5))
print(sum([Money(1), Money(2), Money(3)]))
print(Money(1) == Money(1), Money(1) == 1, Money(1) != 'x')
try:
    Money(1) + 'x'
except TypeError as e:
    print('TypeError:', e)
try:
    'x' + Money(1)
except TypeError as e:
    print('TypeError:', e)
class Meters:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print('Meters.__lt__')
        return self.v < other
    def __gt__(self, other):
        print('Meters.__gt__')
        return self.v > other
print(5 < Meters(10), 5 > Meters(10))
