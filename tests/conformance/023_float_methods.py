# float methods and conversions.
print((2.0).is_integer(), (2.5).is_integer(), (-0.0).is_integer())
print((0.5).as_integer_ratio(), (2.75).as_integer_ratio(), (-3.0).as_integer_ratio())
print(float(3), float('3'), float(' 3.25\n'), float(True))
print(int(2.5), int(-2.5), int(1e18), int(-0.9))
print(float.__name__, type(1.5) is float)
for s in ['abc', '', '1.2.3', '1e']:
    try:
        float(s)
    except ValueError as e:
        print(e)
for v in [float('inf'), float('nan')]:
    try:
        int(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
