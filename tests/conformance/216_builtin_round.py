# round() in integer and float contexts.
for v in [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1e16 + 0.5]:
    print(v, round(v), round(v, 1), round(v, 2))
print(round(12345, -1), round(12355, -1), round(-12345, -1), round(99, -2), round(50, -2))
print(round(3.14159, 4), round(-3.14159, 4), round(0.0, 3), round(-0.4))
print(type(round(1.5)).__name__, type(round(1.5, 0)).__name__, type(round(5, -1)).__name__)
print(round(float('inf'), 2), round(1.23456e-5, 7))
try:
    round(float('inf'))
except OverflowError as e:
    print('OverflowError:', e)
try:
    round(float('nan'))
except ValueError as e:
    print('ValueError:', e)
