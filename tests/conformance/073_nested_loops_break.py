# Nested loops: break only leaves the innermost loop.
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        print(i, j)
found = None
for r, row in enumerate([[1, 2], [3, 4], [5, 6]]):
    for c, v in enumerate(row):
        if v == 4:
            found = (r, c)
            break
    if found:
        break
print('found at', found)
total = 0
i = 0
while i < 4:
    j = 0
    while True:
        j += 1
        if j > i:
            break
        total += j
    i += 1
print('total', total)
