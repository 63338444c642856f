# raise SystemExit(42) from nested calls: no traceback, exit code 42, finally blocks run
def load(level):
    if level == 0:
        raise SystemExit(42)
    try:
        load(level - 1)
    finally:
        print("unwinding", level)


print("loading")
load(2)
