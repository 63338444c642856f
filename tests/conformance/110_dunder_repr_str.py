# __repr__ and __str__.
class Card:
    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit
    def __repr__(self):
        return f'Card({self.rank!r}, {self.suit!r})'
    def __str__(self):
        return f'{self.rank} of {self.suit}'
c = Card('Q', 'hearts')
print(c)
print(repr(c), str(c))
print([c, Card(10, 'spades')])
print(f'{c} / {c!r}')
print('%s | %r' % (c, c))
print('{} {!r}'.format(c, c))
class OnlyRepr:
    def __repr__(self):
        return '<OnlyRepr>'
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])
print({'k': c}, (c,))
class Tagged(Card):
    def __str__(self):
        return 'tagged ' + super().__str__()
print(Tagged('A', 'clubs'), repr(Tagged('A', 'clubs')))
