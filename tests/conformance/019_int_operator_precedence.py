# Operator precedence among arithmetic, bitwise and comparison operators.
print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 ** 2, -3 ** 2)
print(10 - 4 - 3, 100 // 10 // 3, 2 ** 2 ** 3)
print(1 + 2 << 3, 1 + (2 << 3), 6 & 3 | 8, 6 & (3 | 8))
print(5 | 3 ^ 1 & 7, 1 < 2 == True)
print(not 1 + 1 == 3, not 0 and 5, 1 or 0 and 0)
print(-2 * -3, - - 4, ~-~5)
print(7 % 3 * 2, 7 * 3 % 4, 17 // 3 * 3 + 17 % 3)
print(1 if 0 else 2 if 0 else 3)
