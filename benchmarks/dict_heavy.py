# Dict inserts, lookups and updates with str and int keys.
def run(n):
    counts = {}
    names = ["unit%d" % (i % 500) for i in range(n)]
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    table = {}
    for i in range(n):
        table[i] = i * 2
    total = 0
    for i in range(n):
        total += table[i]
    return len(counts), total

print(run(300000))
