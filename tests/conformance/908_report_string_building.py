# Real world: an end-of-level report built from strings.
players = [
    {'name': 'Ann', 'kills': 12, 'deaths': 3, 'time': 754.25, 'gold': 1530},
    {'name': 'Bartholomew', 'kills': 7, 'deaths': 7, 'time': 1203.5, 'gold': 98000},
    {'name': 'Cy', 'kills': 0, 'deaths': 1, 'time': 61.0, 'gold': 0},
]
def mmss(sec):
    m, s = divmod(int(sec), 60)
    return f'{m:02d}:{s:02d}'
def ratio(k, d):
    return k / d if d else float(k)
header = f"{'#':>2} {'Player':<12}{'K':>4}{'D':>4}{'K/D':>7}{'Time':>7}{'Gold':>9}"
lines = [header, '-' * len(header)]
ranked = sorted(players, key=lambda p: (-ratio(p['kills'], p['deaths']), p['name']))
for i, p in enumerate(ranked, 1):
    lines.append(f"{i:>2} {p['name'][:11]:<12}{p['kills']:>4}{p['deaths']:>4}"
                 f"{ratio(p['kills'], p['deaths']):>7.2f}{mmss(p['time']):>7}{p['gold']:>9,}")
lines.append('-' * len(header))
tk = sum(p['kills'] for p in players)
td = sum(p['deaths'] for p in players)
lines.append(f"{'':>2} {'TOTAL':<12}{tk:>4}{td:>4}{ratio(tk, td):>7.2f}"
             f"{mmss(sum(p['time'] for p in players)):>7}{sum(p['gold'] for p in players):>9,}")
report = '\n'.join(lines)
print(report)
print(len(report.splitlines()), 'lines,', len(report), 'chars')
mvp = ranked[0]
print('MVP: %s with %d kills (%.1f%% of all kills)' % (mvp['name'], mvp['kills'], 100 * mvp['kills'] / tk))
print('Richest: {name} ({gold:,} gold)'.format(**max(players, key=lambda p: p['gold'])))
