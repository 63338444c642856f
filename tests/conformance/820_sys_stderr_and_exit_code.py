# print(file=sys.stderr) and sys.stderr.write interleave with stdout; uncaught sys.exit(3) sets the exit code
import sys
import traceback

print("starting")
print("warning: low health", file=sys.stderr)
n = sys.stderr.write("raw stderr line\n")
print("wrote", n, "characters to stderr")
print("two", "parts", sep="+", file=sys.stderr, flush=True)
sys.stderr.writelines(["a", "b\n"])
try:
    raise ValueError("logged, not fatal")
except ValueError:
    traceback.print_exc()
traceback.print_exception(KeyError("no traceback"))


def shutdown(code):
    try:
        sys.exit(code)
    finally:
        print("cleanup")


shutdown(3)
print("never printed")
