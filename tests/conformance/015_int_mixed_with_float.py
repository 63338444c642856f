# Mixing int and float promotes to float.
print(1 + 2.0, 3 * 1.5, 10 - 0.5, 7 // 2.0, 7 % 2.5)
print(2 ** 0.5, 4 ** 0.5, 8 ** (1 / 3))
print(1 == 1.0, 2 < 2.5, 3 >= 3.0)
print(type(1 + 1.0).__name__, type(2 * 3).__name__)
print(int(7.9), int(-7.9), int(7.0), float(7))
print(True + 0.5, False * 2.0)
print(divmod(7, 2.0), divmod(-7.5, 2))
print(sum([1, 2.5, 3]), max(1, 2.0), min(3, 2.5))
