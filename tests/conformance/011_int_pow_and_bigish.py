# Integer powers, negative exponents give floats.
print(2 ** 10, 3 ** 4, (-2) ** 3, -2 ** 2, (-2) ** 2)
print(2 ** 0, 0 ** 0, 0 ** 5)
print(2 ** -1, 10 ** -2, (-2) ** -2)
print(type(2 ** 5).__name__, type(2 ** -5).__name__)
print(2 ** 3 ** 2, (2 ** 3) ** 2)
print(2 ** 62, 3 ** 39, 7 ** 22)
print(10 ** 18, -(10 ** 18))
n = 1
for i in range(1, 21):
    n *= i
print('20! =', n)
print(pow(2, 10), pow(2, -2), pow(2.0, 3))
