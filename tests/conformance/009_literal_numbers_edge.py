# Numeric literal edge cases near the 64-bit boundary.
big = 9223372036854775807
print(big, -big - 1)
print(big // 2, big % 10, -big // 3)
print(0x7FFFFFFFFFFFFFFF == big)
print(2 ** 62, 2 ** 62 + (2 ** 62 - 1))
print(-(2 ** 62) * 2)
print(1_0 * 1_0, 0b1_0 ** 0b1_0)
print(int('9223372036854775807') == big)
print(float(big))
