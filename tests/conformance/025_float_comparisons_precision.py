# Float comparisons and precision pitfalls.
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(1.0 == 1, 1.5 > 1, 2 ** 53 == 2.0 ** 53)
print(sum([0.1] * 10), sum([0.1] * 10) == 1.0)
total = 0.0
for _ in range(10):
    total += 0.1
print(total)
print(0.1 * 3 < 0.3, 0.1 * 3 > 0.3)
print(sorted([2.5, -1.0, 0.0, 1e-10, -0.5]))
print(1e-320 > 0, 1e-320)
print(float(2 ** 53) + 1 == float(2 ** 53))
