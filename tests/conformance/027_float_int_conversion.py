# Conversions between int and float, and float-to-string round trips.
for v in [0.1, 2.5, -7.25, 1e15, 123456789.123, 1 / 3]:
    s = repr(v)
    print(s, float(s) == v, int(v), round(v), str(float(int(v))))
print(float(2 ** 53), float(2 ** 53 + 1), float(-(2 ** 62)))
print(int(1e15), int(-1e15), int(9.999999999999999e17))
print(int(float('1e18')) == 10 ** 18, float(10 ** 18) == 1e18)
print(3 == 3.0, 3.0 == 3, hash(3) == hash(3.0))
print(2.0 * 3, 7 // 2.0, 2 ** 0.0, 0.0 ** 0)
