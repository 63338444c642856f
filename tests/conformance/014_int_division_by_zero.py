# Division by zero messages for ints and floats.
tests = [
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: divmod(1, 0),
    lambda: 1.0 / 0,
    lambda: 1.0 // 0.0,
    lambda: 1.0 % 0,
    lambda: 0 ** -1,
]
for t in tests:
    try:
        t()
    except ZeroDivisionError as e:
        print(type(e).__name__, '-', e)
print(issubclass(ZeroDivisionError, ArithmeticError))
