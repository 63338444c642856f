# Real world: a small class hierarchy of game entities with a simulation loop.
class Entity:
    next_id = 1
    def __init__(self, name, x, y):
        self.id = Entity.next_id
        Entity.next_id += 1
        self.name, self.x, self.y = name, x, y
        self.alive = True
    def update(self, world):
        pass
    def __repr__(self):
        return f'{type(self).__name__}#{self.id}({self.name}@{self.x},{self.y})'
class Mover(Entity):
    def __init__(self, name, x, y, dx, dy):
        super().__init__(name, x, y)
        self.dx, self.dy = dx, dy
    def update(self, world):
        self.x = max(0, min(world.w - 1, self.x + self.dx))
        self.y = max(0, min(world.h - 1, self.y + self.dy))
class Monster(Mover):
    def __init__(self, name, x, y, hp):
        super().__init__(name, x, y, 1, 0)
        self.hp = hp
    def update(self, world):
        super().update(world)
        for other in world.at(self.x, self.y):
            if isinstance(other, Trap):
                self.hp -= other.damage
                print(f'  {self.name} steps on trap, hp={self.hp}')
        if self.hp <= 0:
            self.alive = False
class Trap(Entity):
    def __init__(self, x, y, damage):
        super().__init__('trap', x, y)
        self.damage = damage
class World:
    def __init__(self, w, h):
        self.w, self.h, self.entities = w, h, []
    def spawn(self, e):
        self.entities.append(e)
        return e
    def at(self, x, y):
        return [e for e in self.entities if (e.x, e.y) == (x, y) and e.alive]
    def tick(self):
        for e in list(self.entities):
            e.update(self)
        dead = [e for e in self.entities if not e.alive]
        self.entities = [e for e in self.entities if e.alive]
        return dead
w = World(6, 3)
w.spawn(Trap(2, 0, 4)); w.spawn(Trap(4, 0, 4))
w.spawn(Monster('slime', 0, 0, 6)); w.spawn(Mover('bird', 5, 0, -1, 1))
for t in range(5):
    dead = w.tick()
    print(t, w.entities, 'died:', dead)
print([type(e).__mro__[1].__name__ for e in w.entities])
