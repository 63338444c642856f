# Real world: matrix helpers for 2D transforms.
def matmul(a, b):
    if len(a[0]) != len(b):
        raise ValueError(f'shape mismatch {len(a)}x{len(a[0])} @ {len(b)}x{len(b[0])}')
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))]
            for i in range(len(a))]
def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]
def transpose(m):
    return [list(r) for r in zip(*m)]
def show(m):
    for row in m:
        print(' '.join(f'{v:6}' for v in row))
A = [[1, 2, 3], [4, 5, 6]]
B = [[7, 8], [9, 10], [11, 12]]
show(matmul(A, B))
show(matmul(B, A))
print(matmul(A, identity(3)) == A, transpose(A))
translate = [[1, 0, 5], [0, 1, -2], [0, 0, 1]]
scale = [[2, 0, 0], [0, 3, 0], [0, 0, 1]]
combined = matmul(translate, scale)
show(combined)
for p in [(0, 0), (1, 1), (-2, 4)]:
    x, y, _ = [r[0] for r in matmul(combined, [[p[0]], [p[1]], [1]])]
    print(p, '->', (x, y))
def mpow(m, n):
    result = identity(len(m))
    while n:
        if n & 1:
            result = matmul(result, m)
        m = matmul(m, m)
        n >>= 1
    return result
print(mpow([[1, 1], [1, 0]], 50)[0][1])
try:
    matmul(A, A)
except ValueError as e:
    print('ValueError:', e)
