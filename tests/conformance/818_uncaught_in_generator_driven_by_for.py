# An uncaught error inside a generator a for loop drives: the traceback shows both.
def parse(lines):
    for line in lines:
        yield int(line)

def total(lines):
    s = 0
    for n in parse(lines):
        s += n
    return s

print(total(["1", "2"]))
print(total(["3", "x"]))
