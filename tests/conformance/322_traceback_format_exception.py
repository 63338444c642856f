# traceback.format_exception and friends: the same text as an uncaught traceback, as lists
import sys
import traceback


def clean(pieces):
    # CPython shows the main script's absolute path; keep the file name only.
    out = []
    for piece in pieces:
        if piece.startswith('  File "'):
            path, rest = piece[8:].split('"', 1)
            piece = '  File "' + path.rsplit("/", 1)[-1] + '"' + rest
        out.append(piece)
    return out


def inner(n):
    if n == 0:
        raise ValueError("deep")
    inner(n - 1)


def outer():
    try:
        inner(5)
    except ValueError as e:
        raise KeyError("k") from e


try:
    outer()
except KeyError as e:
    err = e
for piece in clean(traceback.format_exception(err)):
    print(repr(piece))
print("".join(clean(traceback.format_exception(type(err), err, err.__traceback__, limit=1))))
print(traceback.format_exception(type(err), err, None, chain=False))
print(traceback.format_exception_only(err), traceback.format_exception_only(type(err), err))
print(traceback.format_exception_only(None), traceback.format_exception(None))
print(len(traceback.format_tb(err.__traceback__)), clean(traceback.format_tb(err.__traceback__, limit=-1)))
print(traceback.format_tb(None), traceback.format_exception_only(ValueError()))


class Loud(Exception):
    def __str__(self):
        return "loud " + repr(self.args)


print(traceback.format_exception_only(Loud(1)), traceback.format_exception_only(KeyError("q")))
try:
    raise Loud("ctx")
except Loud:
    try:
        raise RuntimeError("while handling")
    except RuntimeError:
        print("".join(clean(traceback.format_exc().splitlines(True))))
for call in [lambda: traceback.format_exception(5), lambda: traceback.format_exception(None, 5, None),
             lambda: traceback.format_exception(err, err), lambda: traceback.format_exception(exc=err),
             lambda: traceback.format_exception(), lambda: traceback.format_exception(err, bad=1),
             lambda: traceback.format_tb(3), lambda: traceback.format_exc(1, True, 3)]:
    try:
        call()
    except (TypeError, ValueError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
