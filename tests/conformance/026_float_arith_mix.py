# Everyday float arithmetic.
print(3.5 + 1.25, 3.5 - 1.25, 3.5 * 1.25, 3.5 / 1.25)
print(2.0 ** 10, 2.0 ** -1, 9.0 ** 0.5, (-8.0) ** 2)
print(1.5 * 2, 7.0 / 2, 7.0 // 2, -7.0 / 2)
print(abs(-2.5), -(-2.5), +1.5)
x = 10.0
x /= 4
x *= 3
x -= 0.5
x += 1e-3
print(x)
print(100 * 1.1, 3 * 0.1, 0.7 * 3)
print(1e308 * 10, -1e308 * 10)
speed = 4.2
for frame in range(3):
    speed *= 0.9
    print(frame, speed, round(speed, 3))
