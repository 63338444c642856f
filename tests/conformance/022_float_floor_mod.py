# Float floor division and modulo signs.
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (1.0, 0.3), (-1.0, 0.3)]:
    print(a, b, a // b, a % b, divmod(a, b))
print(5.0 // 1, -5.5 // 1, 5.5 % 1, -5.5 % 1)
print(0.0 % 5, -0.0 % 5)
print(1e10 % 7, -1e10 % 7.0)
