# Single inheritance, overriding, isinstance and issubclass.
class Entity:
    def __init__(self, name):
        self.name = name
    def describe(self):
        return f'{self.name} ({self.kind()})'
    def kind(self):
        return 'entity'
class Monster(Entity):
    def __init__(self, name, dmg):
        super().__init__(name)
        self.dmg = dmg
    def kind(self):
        return 'monster'
class Boss(Monster):
    def kind(self):
        return 'boss ' + super().kind()
for e in [Entity('rock'), Monster('orc', 3), Boss('dragon', 50)]:
    print(e.describe())
b = Boss('lich', 9)
print(isinstance(b, Entity), isinstance(b, Monster), isinstance(Entity('x'), Monster))
print(issubclass(Boss, Entity), issubclass(Entity, Boss), issubclass(Boss, Boss))
print(Boss.__bases__[0].__name__, Entity.__bases__[0].__name__)
print([c.__name__ for c in Boss.__mro__])
print(b.dmg, b.name)
