# sys.stdout: write() returns the characters written, interleaves with print, file= and redirection
import sys

n = sys.stdout.write("one ")
print("two", end=" ")
m = sys.stdout.write("thrée\n")
print(n, m, sys.stdout.write(""))
print("to stdout", 1, file=sys.stdout, flush=True)
print("file None", file=None, sep="-")
sys.stdout.writelines(["a", "b", "c\n"])
print(sys.stdout.flush(), sys.stdout.name, sys.stderr.name, sys.stdout.mode)
print(repr(sys.stdout))
print(type(sys.stdout).__name__, sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)

for bad in [lambda: sys.stdout.write(5), lambda: sys.stdout.write(), lambda: sys.stdout.write("a", "b"),
            lambda: sys.stdout.writelines(["ok", 1]), lambda: sys.stdout.writelines(3),
            lambda: print("x", file=42)]:
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
print()


class Recorder:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)
        return len(text)

    def flush(self):
        self.parts.append("<flush>")


r = Recorder()
print("a", 2, None, sep=", ", end="!\n", file=r, flush=True)
print(file=r)
print(r.parts)

saved = sys.stdout
sys.stdout = Recorder()
print("captured", 42)
sys.stdout.write("direct\n")
captured = sys.stdout.parts
sys.stdout = saved
print("back:", captured)

sys.stdout = None
print("nobody sees this")
sys.stdout = sys.__stdout__
print("restored")
