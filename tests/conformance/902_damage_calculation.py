# Real world: damage formulas with floats, crits, resistances and rounding.
ELEMENT_RESIST = {'fire': {'ice': 1.5, 'fire': 0.5}, 'ice': {'fire': 1.25, 'ice': 0.25}}
def damage(base, attack, defense, element, target_elem, crit=False, level_diff=0):
    raw = base * (attack / (attack + defense))
    mult = ELEMENT_RESIST.get(element, {}).get(target_elem, 1.0)
    if crit:
        mult *= 1.75
    mult *= 1 + max(-0.5, min(0.5, level_diff * 0.05))
    return max(1, round(raw * mult))
cases = [
    (40, 120, 80, 'fire', 'ice', False, 0),
    (40, 120, 80, 'fire', 'fire', True, 3),
    (25, 50, 200, 'ice', 'fire', False, -4),
    (10, 1, 999, 'none', 'ice', False, 0),
    (99, 300, 30, 'ice', 'earth', True, 20),
]
total = 0
for c in cases:
    d = damage(*c)
    total += d
    print(f'{c[3]:>5}->{c[4]:<5} crit={c[5]!s:<5} dmg={d:>4}')
print('total', total)
hp = 250.0
regen = 1.5
for turn in range(1, 6):
    hp -= damage(30, 90, 60, 'fire', 'ice', turn % 3 == 0)
    hp = min(250.0, hp + regen * turn)
    print(f'turn {turn}: hp={hp:.1f} ({hp / 250:.0%})')
print(round(sum(damage(20, a, 50, 'ice', 'ice') for a in range(10, 200, 10)) / 19, 3))
