# traceback.print_exception / print_tb / print_exc write to file= (any object with write)
import sys
import traceback


class Lines:
    def __init__(self):
        self.parts = []

    def write(self, text):
        if "line" in text:
            text = text[text.index("line"):]
        self.parts.append(text)


def fail():
    raise IndexError("out of range")


try:
    fail()
except IndexError as e:
    err = e
    out = Lines()
    traceback.print_exc(file=out)
    print(out.parts)

out = Lines()
traceback.print_exception(err, file=out, limit=-1)
print(out.parts)
out = Lines()
traceback.print_tb(err.__traceback__, file=out)
print(out.parts)
out = Lines()
traceback.print_exception(None, file=out)
traceback.print_exception(ValueError("no traceback"), file=out)
print(out.parts)
traceback.print_exception(ValueError("to stdout"), file=sys.stdout)
traceback.print_exc(file=sys.stdout)
traceback.clear_frames(err.__traceback__)
print("done")
