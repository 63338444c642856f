# Real world: deterministic loot drops with a hand-written LCG random generator.
class LCG:
    def __init__(self, seed):
        self.state = seed % 2147483648
    def next_int(self):
        self.state = (1103515245 * self.state + 12345) % 2147483648
        return self.state
    def random(self):
        return self.next_int() / 2147483648
    def choice_weighted(self, table):
        total = sum(w for _, w in table)
        roll = self.next_int() % total
        for item, w in table:
            if roll < w:
                return item
            roll -= w
LOOT = [('copper', 60), ('silver', 25), ('gold', 10), ('gem', 4), ('artifact', 1)]
rng = LCG(42)
print([rng.next_int() for _ in range(5)])
drops = {}
for _ in range(1000):
    item = rng.choice_weighted(LOOT)
    drops[item] = drops.get(item, 0) + 1
print(sorted(drops.items(), key=lambda kv: -kv[1]))
rng2 = LCG(7)
rolls = [rng2.random() for _ in range(4)]
print([f'{r:.6f}' for r in rolls], all(0 <= r < 1 for r in rolls))
def shuffle(seq, rng):
    seq = list(seq)
    for i in range(len(seq) - 1, 0, -1):
        j = rng.next_int() % (i + 1)
        seq[i], seq[j] = seq[j], seq[i]
    return seq
print(shuffle('ABCDEFGH', LCG(1)), shuffle(range(6), LCG(1)))
crit = sum(1 for _ in range(500) if LCG(_).random() < 0.2)
print('crits per 500 seeds:', crit)
