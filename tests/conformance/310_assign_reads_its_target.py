# An assignment whose value reads the variable it assigns: the old value is read in full
# before the new one is stored (comprehensions over the target, and/or, conditional
# expressions, calls, operators, displays, attributes, subscripts).
def bracket_order(n):
    order = [1]
    while len(order) < n:
        size = len(order) * 2
        order = [s for seed in order for s in (seed, size + 1 - seed)]
    return order

def shapes(x, y):
    out = []
    x = y or x
    out.append(x)
    x = 5
    x = x and y
    out.append(x)
    x = 7
    x = x if y else -x
    out.append(x)
    x = [x, x]
    out.append(x)
    x = {v: x for v in x}
    out.append(x)
    x = {v for v in x}
    out.append(sorted(x))
    x = (x, len(x))
    out.append(x)
    x = x[1]
    out.append(x)
    x = -x
    out.append(x)
    x = not x
    out.append(x)
    x = str(x) + str(x)
    out.append(x)
    x = x.upper()
    out.append(x)
    x = len(x) * 2.5
    x = x * x
    out.append(x)
    x = [c for c in "ab"] + [x]
    out.append(x)
    x = (lambda: x)()
    out.append(x)
    return out

print(bracket_order(8))
print(bracket_order(16))
print(shapes(3, 0))
print(shapes(3, 4))
