# Floor division and modulo follow the sign of the divisor.
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (6, 3), (-6, 3), (0, 5), (1, -5)]:
    print(a, b, a // b, a % b, divmod(a, b))
print(-1 // 10, -1 % 10)
print(13 // -4, 13 % -4)
print(-13 // 4, -13 % 4)
q, r = divmod(-17, 5)
print(q * 5 + r == -17)
print(-(7 // 2), (-7) // 2, -7 // 2)
