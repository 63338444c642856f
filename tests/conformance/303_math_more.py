# More of math: dist, prod, comb, perm, lcm, isqrt, modf and the hyperbolic functions.
import math

print(math.dist((0, 0), (3, 4)), math.dist([1.5, 2.5, 3.5], [1, 2, 3]), math.dist((1,), (1,)))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([0.5, 4]), math.prod([2, 3], start=10))
print(math.comb(10, 3), math.comb(5, 0), math.comb(3, 5), math.comb(60, 30))
print(math.perm(5, 2), math.perm(4), math.perm(3, 4), math.lcm(4, 6), math.lcm(3, 5, 7), math.lcm(0, 5), math.lcm())
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10**18), math.modf(3.75), math.modf(-2.5))
print(round(math.sinh(1), 12), round(math.cosh(1), 12), round(math.tanh(0.5), 12), math.log1p(0), math.expm1(0))
for bad in [lambda: math.isqrt(-1), lambda: math.comb(-1, 2), lambda: math.dist((1, 2), (1,))]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
