# Uncaught KeyError from a dict lookup.
stats = {'hp': 10, 'mp': 4}
for key in ['hp', 'mp']:
    print(key, stats[key])
print(stats['armour'])
