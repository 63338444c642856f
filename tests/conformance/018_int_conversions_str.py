# str() and repr() of ints and round trips.
for n in [0, 5, -5, 123456789, -9223372036854775807, 9223372036854775807]:
    print(str(n), repr(n), int(str(n)) == n, len(str(n)))
print(str(7) + str(0o7))
print(int('0'), int('-0'), int('+12'))
print(str(-0), -0 == 0)
print(hex(255), oct(8), bin(5))
print(int(hex(255), 16), int(oct(8), 8), int(bin(5), 2))
