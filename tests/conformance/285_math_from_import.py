# from math import ... and aliases.
from math import sqrt, pi, floor as fl
import math as m
print(sqrt(81), round(pi, 5), fl(-0.5), m.ceil(0.2))
def dist(a, b):
    return sqrt((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2)
print(dist((0, 0), (3, 4)), round(dist((1, 1), (2, 2)), 6))
area = lambda r: pi * r * r
print(round(area(2), 4), m.isclose(area(1), pi))
print(m.sqrt is sqrt, m.pi == pi)
