# Comprehensions building objects, filtering by attributes.
class Enemy:
    def __init__(self, name, hp, x):
        self.name, self.hp, self.x = name, hp, x
    def __repr__(self):
        return f'{self.name}({self.hp})'
spawn = [('orc', 10, 4), ('bat', 2, 9), ('troll', 30, 1), ('rat', 1, 6)]
enemies = [Enemy(*s) for s in spawn]
print(enemies)
alive_near = [e for e in enemies if e.hp > 1 and abs(e.x - 5) <= 4]
print(alive_near)
print({e.name: e.hp for e in enemies if e.hp >= 10})
print([e.name.upper() if e.hp > 5 else e.name for e in enemies])
print(sorted(e.name for e in enemies if 'r' in e.name))
print(sum(e.hp for e in enemies), [e.x for e in sorted(enemies, key=lambda e: e.x)])
buckets = {k: [e.name for e in enemies if e.hp // 10 == k] for k in range(4)}
print(buckets)
