# Set comprehensions (printed sorted).
s = {x % 4 for x in range(20)}
print(sorted(s), len(s), type(s).__name__)
words = ['Apple', 'avocado', 'banana', 'Blueberry', 'cherry']
print(sorted({w[0].lower() for w in words}))
print(sorted({len(w) for w in words}))
print(sorted({(a, b) for a in range(3) for b in range(3) if a <= b}))
print({c for c in 'aaaa'} == {'a'}, len({c for c in 'mississippi'}))
print(sorted({n * n % 7 for n in range(50)}))
