# Using tuples as light records: unpacking, sorting, zip.
records = [('potion', 3, 2.5), ('sword', 1, 120.0), ('arrow', 50, 0.1)]
for name, qty, price in records:
    print(f'{name:8}{qty:4}{price:8.2f}{qty * price:9.2f}')
print(sorted(records, key=lambda r: r[1] * r[2]))
names, qtys, prices = zip(*records)
print(names, sum(qtys), max(prices))
def minmax(seq):
    return min(seq), max(seq)
lo, hi = minmax([4, 8, 1, 9])
print(lo, hi, minmax('hello'))
def divide(a, b):
    return divmod(a, b) + (a / b,)
print(divide(17, 5))
