# Matrix operations and filters with nested comprehensions.
m = [[(r * 4 + c) % 7 for c in range(4)] for r in range(4)]
for row in m:
    print(row)
print([sum(row) for row in m], [sum(col) for col in zip(*m)])
print(sum(m[i][i] for i in range(4)), sum(m[i][3 - i] for i in range(4)))
print([(r, c) for r, row in enumerate(m) for c, v in enumerate(row) if v == 0])
print([[v for v in row if v % 2] for row in m])
rotated = [list(row) for row in zip(*m[::-1])]
print(rotated[0], rotated[-1])
print(max(max(row) for row in m), min(v for row in m for v in row if v > 0))
