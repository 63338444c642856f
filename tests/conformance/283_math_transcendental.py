# math: log, exp, sin, cos, tan, atan2 on simple values.
# Results that depend on the last bit of a libm routine are rounded before printing.
import math
r = lambda x: round(x, 12)
print(math.log(1), r(math.log(math.e)), r(math.log(8, 2)), r(math.log(100, 10)))
print(r(math.log10(1000)), r(math.log2(1024)), r(math.log(10)))
print(math.exp(0), math.isclose(math.exp(1), math.e), round(math.exp(2), 10), r(math.exp(-1)))
print(math.sin(0), math.cos(0), math.sin(math.pi / 2), math.cos(math.pi), math.tan(0))
print(r(math.sin(math.pi / 6)), r(math.cos(math.pi / 3)), r(math.tan(math.pi / 4)))
print(r(math.atan2(1, 1)) == r(math.pi / 4), r(math.atan2(0, -1)), r(math.atan(1) * 4))
print(math.degrees(math.pi), math.radians(180) == math.pi, r(math.asin(1)), math.acos(1))
print(r(math.sqrt(math.sin(1) ** 2 + math.cos(1) ** 2)))
try:
    math.log(0)
except ValueError as e:
    print('ValueError:', e)
try:
    math.exp(1000)
except OverflowError as e:
    print('OverflowError:', e)
