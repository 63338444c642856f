# Typical game math with the math module.
import math
def lerp(a, b, t):
    return a + (b - a) * t
def clamp(v, lo, hi):
    return max(lo, min(hi, v))
def angle_deg(dx, dy):
    return math.degrees(math.atan2(dy, dx))
print([lerp(0, 10, t / 4) for t in range(5)])
print(clamp(15, 0, 10), clamp(-3, 0, 10), clamp(4.5, 0, 10))
print([round(angle_deg(*v), 6) for v in [(1, 0), (0, 1), (-1, 0), (1, 1), (0, -1)]])
def rotate(x, y, deg):
    r = math.radians(deg)
    # '+ 0.0' turns a rounded -0.0 into 0.0, so last-bit libm differences cannot show.
    return (round(x * math.cos(r) - y * math.sin(r), 9) + 0.0,
            round(x * math.sin(r) + y * math.cos(r), 9) + 0.0)
print(rotate(1, 0, 90), rotate(1, 0, 180), rotate(2, 2, 45))
def normalize(x, y):
    n = math.hypot(x, y)
    return (x / n, y / n) if n else (0.0, 0.0)
print(normalize(3, 4), normalize(0, 0))
print(math.floor(7.99), math.ceil(7.01), math.floor(-0.01), int(math.sqrt(50)))
print(sum(1 for x in range(-5, 6) for y in range(-5, 6) if math.hypot(x, y) <= 5))
