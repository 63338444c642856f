# sys.exit raises SystemExit: its args and code, finally blocks, not caught by except Exception
import sys

for args in [(), (None,), (0,), (3,), ("bye",), ((1, 2),), ((5,),), (True,)]:
    try:
        sys.exit(*args)
    except SystemExit as e:
        print(repr(args), e.args, repr(e.code), repr(str(e)))

try:
    sys.exit(1, 2)
except TypeError as e:
    print("TypeError:", e)

print(SystemExit(1, 2).code, SystemExit().code, SystemExit("x").args)
print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))


def leave():
    try:
        sys.exit(7)
    finally:
        print("finally runs")


try:
    try:
        leave()
    except Exception:
        print("not here")
except SystemExit as e:
    print("caught at the top:", e.code)

e = SystemExit(1)
e.code = 9
print(e.code, e.args)
try:
    raise SystemExit("message")
except BaseException as e:
    print(type(e).__name__, e)
