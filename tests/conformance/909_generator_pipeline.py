# Real world: processing a combat log through a generator pipeline.
LOG = """\
0.5 ann hit orc 12
0.9 orc hit ann 4
1.2 ann hit orc 15 crit
1.3 bob heal ann 6
2.0 orc hit bob 9
2.4 bob hit orc 3
2.4 ann hit orc 20 crit
3.1 orc die
"""
def lines(text):
    for line in text.splitlines():
        if line.strip():
            yield line
def parse(rows):
    for row in rows:
        parts = row.split()
        ev = {'t': float(parts[0]), 'who': parts[1], 'act': parts[2]}
        if len(parts) > 3:
            ev['target'] = parts[3]
            ev['amount'] = int(parts[4])
            ev['crit'] = parts[-1] == 'crit'
        yield ev
def only(events, act):
    return (e for e in events if e['act'] == act)
def window(events, start, end):
    for e in events:
        if e['t'] >= end:
            return
        if e['t'] >= start:
            yield e
hits = list(only(parse(lines(LOG)), 'hit'))
dealt = {}
for e in hits:
    dealt[e['who']] = dealt.get(e['who'], 0) + e['amount']
print(sorted(dealt.items(), key=lambda kv: -kv[1]))
print([e['amount'] for e in hits if e['crit']])
print([(e['t'], e['who'], e['act']) for e in window(parse(lines(LOG)), 1.0, 2.4)])
dps = sum(e['amount'] for e in only(parse(lines(LOG)), 'hit') if e['who'] == 'ann') / 3.1
print(f'ann dps {dps:.2f}')
