# Nested comprehensions: flattening, transposing, matrices.
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([n for row in matrix for n in row])
print([[row[i] for row in matrix] for i in range(3)])
print([[n * n for n in row if n % 2] for row in matrix])
print([(i, j) for i in range(4) for j in range(i + 1, 4)])
identity = [[1 if r == c else 0 for c in range(4)] for r in range(4)]
for row in identity:
    print(row)
words = ['ab', 'cde']
print([ch for w in words for ch in w])
print({w: [ch * 2 for ch in w] for w in words})
triples = [(a, b, c) for c in range(1, 21) for b in range(1, c) for a in range(1, b)
           if a * a + b * b == c * c]
print(triples)
