# Helper module defining a base class used by import tests.
REGISTRY = []
class Entity:
    def __init__(self, name, hp):
        self.name = name
        self.hp = hp
        REGISTRY.append(name)
    def describe(self):
        return f'{type(self).__name__}:{self.name}:{self.hp}'
    def __repr__(self):
        return f'<{self.name} hp={self.hp}>'
def make_goblin():
    return Entity('goblin', 7)
