# Real world: ability cooldowns simulated frame by frame at 30 Hz.
FRAME = 1 / 30
class Ability:
    def __init__(self, name, cooldown, cost):
        self.name, self.cooldown, self.cost = name, cooldown, cost
        self.remaining = 0.0
    def ready(self):
        return self.remaining <= 1e-9
    def tick(self, dt):
        self.remaining = max(0.0, self.remaining - dt)
    def use(self):
        self.remaining = self.cooldown
abilities = [Ability('slash', 0.5, 0), Ability('fireball', 2.0, 30), Ability('heal', 5.0, 50)]
mana = 100.0
regen = 12.0
log = []
for frame in range(1, 241):
    for a in abilities:
        a.tick(FRAME)
    mana = min(100.0, mana + regen * FRAME)
    for a in sorted(abilities, key=lambda a: -a.cost):
        if a.ready() and mana >= a.cost:
            mana -= a.cost
            a.use()
            log.append((frame, a.name, round(mana, 2)))
            break
for entry in log:
    print(entry)
uses = {}
for _, name, _ in log:
    uses[name] = uses.get(name, 0) + 1
print(uses, round(mana, 3), [round(a.remaining, 3) for a in abilities])
