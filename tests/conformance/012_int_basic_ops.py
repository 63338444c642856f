# Addition, subtraction, multiplication, unary ops, bit ops.
a, b = 37, 5
print(a + b, a - b, a * b, -a, +a, abs(-a))
print(a & b, a | b, a ^ b, ~a, a << 3, a >> 2)
print(-37 >> 1, -37 & 0xff, ~0, ~-1)
print(1 << 62, (1 << 62) >> 61)
print(-1 >> 10, -8 >> 1)
print(0xf0 | 0x0f, 0xff & ~0x0f, 0b1100 ^ 0b1010)
x = 10
x -= 3; x *= 4; x //= 3; x %= 5; x **= 3; x <<= 2; x >>= 1; x |= 1; x &= 0b111; x ^= 2
print(x)
print(int.__name__, (5).bit_length(), (255).bit_length(), (0).bit_length())
