# sum (with start), abs, divmod, pow (3-argument).
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([]), sum([0.5, 0.25]), sum(range(5), start=100))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()))
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(True))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(7.5, 2), divmod(0, 3))
print(pow(2, 10), pow(2, 10, 1000), pow(3, 4, 5), pow(-2, 3), pow(2, -1), pow(7, 0, 3))
print(pow(3, -1, 7), pow(10, 18, 97), pow(123456789, 987654321, 1000000007))
print(pow(2.5, 2), pow(4, 0.5))
try:
    sum(['a', 'b'], '')
except TypeError as e:
    print('TypeError:', e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print('ValueError:', e)
print(sum([0.1] * 10), sum(x * x for x in range(4)))
