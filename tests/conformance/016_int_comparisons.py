# Comparisons between ints and chaining.
print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 1 == 1, 1 != 1)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 < 2 > 0)
print(1 == 1 == 1, 1 == 1 != 2, 0 < 0 <= 0)
x = 5
print(0 <= x < 10, 0 <= x < 5, 1 < x <= 5)
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(3) < v(2) < v(1), calls)
print(-5 < -3, -2 ** 2 < 0)
print(max(3, 9, 1), min(-1, -10, 0))
