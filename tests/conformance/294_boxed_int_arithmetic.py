# Ints beyond 31 bits: arithmetic, aliasing and accumulation.
a = 2**40
b = a
a += 1
print(a, b, a - b, a * 3, a // 7, a % 7, -a // 7, -a % 7, a // -7, a % -7)
t = 0
for i in range(5):
    t += 2**31 + i
print(t, True + True, True * 5, 7 // True, 2**40 * -1, (2**40) - (2**41))
keep = []
big = 2**33
for i in range(3):
    keep.append(big)
    big = big * 2 - 1
print(keep, big, big is keep[-1])
print(-(2**40) // 3, -(2**40) % 3, (2**45) // (2**40), 10**12 % 7)
