# Bare raise re-raises the exception currently being handled.
def parse(s):
    try:
        return int(s)
    except ValueError:
        print('logging failure for', repr(s))
        raise
try:
    parse('12x')
except ValueError as e:
    print('outer got:', e)
print(parse('12'))
def convert(items):
    out = []
    for it in items:
        try:
            out.append(1 / it)
        except ZeroDivisionError as e:
            if it == 0 and len(out) > 1:
                raise
            out.append(None)
    return out
print(convert([1, 0, 4]))
try:
    convert([1, 2, 0])
except ZeroDivisionError as e:
    print('re-raised:', e)
try:
    raise
except RuntimeError as e:
    print('RuntimeError:', e)
