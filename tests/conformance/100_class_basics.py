# Class definition, instances, attributes, methods.
class Player:
    species = 'human'
    def __init__(self, name, hp=100):
        self.name = name
        self.hp = hp
    def hit(self, dmg):
        self.hp = max(0, self.hp - dmg)
        return self.hp
    def is_alive(self):
        return self.hp > 0
p = Player('Ann')
q = Player('Bob', 30)
print(p.name, p.hp, q.name, q.hp, p.species)
print(q.hit(10), q.hit(50), q.is_alive(), p.is_alive())
print(type(p).__name__, Player.__name__, isinstance(p, Player))
print(type(p))
print(Player)
m = p.hit
print(m(5), p.hp)
print(Player.hit(p, 5), p.hp)
p.level = 3
print(vars(p))
class Empty:
    pass
e = Empty()
e.x = 1
print(vars(e), type(e).__name__)
