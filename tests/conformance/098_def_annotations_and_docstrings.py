# Type annotations are accepted and ignored at run time; docstrings.
def heal(target: str, amount: int = 5) -> str:
    """Heal a target by an amount."""
    return f'{target} +{amount}'
print(heal('ann'), heal('bob', amount=3))
print(heal.__doc__)
speed: float = 2.5
count: int
print(speed)
class Unit:
    """A unit on the board."""
    name: str = 'unit'
    hp: int
    def __init__(self, hp: int) -> None:
        self.hp = hp
    def describe(self) -> str:
        "One-line docstring."
        return f'{self.name}:{self.hp}'
u = Unit(7)
print(u.describe(), Unit.__doc__, Unit.describe.__doc__)
def no_doc():
    return 1
print(no_doc.__doc__)
try:
    print(count)
except NameError as e:
    print('NameError:', e)
