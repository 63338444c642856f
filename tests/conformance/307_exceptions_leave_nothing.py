# Patterns that keep memory alive in CPython until its collector runs; in mote each
# is freed when the call returns (the suite checks nothing is left for the detector).
import sys, traceback

def fails(n):
    raise ValueError(f"boom {n}")

def keep_exception():
    try:
        fails(1)
    except Exception as e:
        result = e
    return result

def reraise(tp, value, tb=None):
    if value.__traceback__ is not tb:
        raise value.with_traceback(tb)
    raise value

def catch_info():
    try:
        fails(2)
    except Exception:
        return sys.exc_info()

def passes_on():
    info = catch_info()
    try:
        reraise(*info)
    except ValueError as e:
        return str(e)

def main_loop():
    n = 0
    while True:
        try:
            n += 1
            if n > 3:
                break
            fails(n)
        except Exception as e:
            print("handled", e, sys.exc_info()[0].__name__)
    print("after", sys.exc_info())

def unpacked():
    try:
        {}["key"]
    except KeyError:
        tp, val, tb = sys.exc_info()
        print(tp.__name__, repr(val), val.__traceback__ is tb, type(tb).__name__)

e = keep_exception()
print(repr(e), e.__traceback__ is not None)
e.__traceback__ = None
print(e.__traceback__)
print(passes_on())
main_loop()
unpacked()
try:
    fails(3)
except ValueError as err:
    traceback.clear_frames(err.__traceback__)
    print(type(err.__traceback__).__name__, str(err))
print(sys.exc_info())
