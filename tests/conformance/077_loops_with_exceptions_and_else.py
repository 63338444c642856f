# Interplay of loops, else clauses and exceptions.
def search(grid, target):
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if v == target:
                return r, c
    raise LookupError(f'{target} not found')
g = [[1, 2], [3, 4]]
print(search(g, 3))
try:
    search(g, 9)
except LookupError as e:
    print('LookupError:', e)
for attempt in range(1, 4):
    try:
        if attempt < 3:
            raise TimeoutError(f'try {attempt}')
    except TimeoutError as e:
        print('failed', e)
        continue
    print('succeeded on', attempt)
    break
else:
    print('never exhausted')
i = 0
while i < 3:
    i += 1
    try:
        if i == 2:
            break
    finally:
        print('finally for', i)
else:
    print('not reached: loop was broken')
print('i =', i)
