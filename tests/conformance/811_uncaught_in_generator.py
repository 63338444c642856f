# An exception escaping from a generator while a for loop consumes it.
def damage_ticks(amounts):
    for a in amounts:
        if a < 0:
            raise ValueError(f'negative damage {a}')
        yield a * 2
for d in damage_ticks([1, 2, -3, 4]):
    print('tick', d)
