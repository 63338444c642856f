# while True with break, and loop-and-a-half.
data = [4, 8, 15, 16, 23, 42]
pos = 0
while True:
    if pos >= len(data):
        print('exhausted')
        break
    if data[pos] > 15:
        print('first > 15:', data[pos])
        break
    pos += 1
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(48, 18), gcd(17, 5), gcd(0, 9))
n = 12345
digits = []
while n:
    n, d = divmod(n, 10)
    digits.append(d)
print(digits[::-1])
