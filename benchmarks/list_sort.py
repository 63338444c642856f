# Sorting lists of ints, strings and tuples with keys.
def run(n):
    seed = 12345
    values = []
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        values.append(seed % 100000)
    a = sorted(values)
    words = [str(v) for v in values]
    b = sorted(words)
    pairs = [(v % 100, v) for v in values]
    c = sorted(pairs, key=lambda p: p[1], reverse=True)
    return a[0], a[-1], b[0], c[0]

print(run(200000))
