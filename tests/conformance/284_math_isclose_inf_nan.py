# math.isclose, isinf, isnan, isfinite.
import math
print(math.isclose(0.1 + 0.2, 0.3), 0.1 + 0.2 == 0.3)
print(math.isclose(1.0, 1.001), math.isclose(1.0, 1.001, rel_tol=1e-2), math.isclose(0, 1e-10))
print(math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(100, 101, abs_tol=1))
nan, inf = math.nan, math.inf
print(math.isnan(nan), math.isnan(1.0), math.isinf(inf), math.isinf(-inf), math.isinf(nan))
print(math.isfinite(1e308), math.isfinite(inf), math.isfinite(nan))
print(nan == nan, math.isnan(float('nan')), inf == float('inf'), inf > 10 ** 18)
print(math.isinf(1e308 * 10), math.isnan(inf - inf), math.isnan(inf * 0))
print(math.floor(-0.5), math.ceil(-0.5), math.isclose(math.inf, math.inf))
try:
    math.floor(inf)
except OverflowError as e:
    print('OverflowError:', e)
try:
    math.ceil(nan)
except ValueError as e:
    print('ValueError:', e)
