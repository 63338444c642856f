# Classes and functions from a helper module work with local code.
from helper_entities import Entity, make_goblin, REGISTRY
import helper_entities
class Hero(Entity):
    def attack(self, other):
        other.hp -= 4
        return f'{self.name} hits {other.name}'
h = Hero('hero', 20)
g = make_goblin()
print(h.attack(g), g)
print(isinstance(g, Entity), isinstance(h, helper_entities.Entity), type(g).__name__)
print([c.__name__ for c in Hero.__mro__])
print(REGISTRY, helper_entities.REGISTRY is REGISTRY)
helper_entities.REGISTRY.append('extra')
print(REGISTRY)
print(h.describe(), g.describe())
