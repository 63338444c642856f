# math: constants, sqrt, floor, ceil, trunc, fabs, copysign.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf)
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.25), math.sqrt(0))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.floor(5))
print(type(math.floor(2.5)).__name__, type(math.ceil(2.5)).__name__)
print(math.trunc(2.9), math.trunc(-2.9), math.fabs(-3), math.fabs(2.5))
print(math.copysign(3, -0.0), math.copysign(-2.5, 1), math.copysign(1, -5))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6), math.gcd(17, 5))
print(math.factorial(0), math.factorial(10), math.factorial(20))
print(math.hypot(3, 4), math.hypot(5, 12), math.pow(2, 10), math.pow(2, 0.5))
try:
    math.sqrt(-1)
except ValueError as e:
    print('ValueError:', e)
try:
    math.factorial(-1)
except ValueError as e:
    print('ValueError:', e)
