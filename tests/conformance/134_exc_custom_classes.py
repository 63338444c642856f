# User-defined exception classes with extra data.
class GameError(Exception):
    pass
class OutOfMana(GameError):
    def __init__(self, needed, have):
        super().__init__(f'need {needed} mana, have {have}')
        self.needed = needed
        self.have = have
class InvalidTarget(GameError):
    def __str__(self):
        return 'invalid target: ' + ', '.join(map(str, self.args))
def cast(spell_cost, mana, target):
    if target is None:
        raise InvalidTarget('none', 0)
    if spell_cost > mana:
        raise OutOfMana(spell_cost, mana)
    return 'cast!'
for args in [(5, 10, 'orc'), (50, 10, 'orc'), (1, 1, None)]:
    try:
        print(cast(*args))
    except OutOfMana as e:
        print('OutOfMana:', e, e.needed - e.have, e.args)
    except GameError as e:
        print(type(e).__name__ + ':', e, repr(e))
print(issubclass(OutOfMana, GameError), OutOfMana.__mro__[2].__name__)
class Silent(Exception):
    def __init__(self):
        pass
print(repr(Silent()), Silent().args)
