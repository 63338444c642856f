# Arithmetic that updates a variable must never change another name for the same value.
a = 1.5
b = a
a += 1.0
print(a, b)

def loop():
    total = 0.25
    keep = []
    for i in range(4):
        keep.append(total)
        total += 0.5
        total = total * 2.0 - 1.0
    return total, keep

print(loop())

def shared_through_list():
    x = 3.5
    items = [x]
    x *= 2.0
    x -= 0.5
    return x, items

print(shared_through_list())

def mixed(n):
    f = 0.5
    r = []
    for i in range(n):
        f = f + i
        g = f
        f = f / 2
        r.append((g, f, i % 3, -i // 2, i * i))
    return r

print(mixed(5))

def unbound():
    try:
        z += 1.0
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    z = 2.0

unbound()
x = 7.0
y = x
x /= 2
print(x, y, 1.0 < x, x >= 3.5, x == 3.5, x != y, float("nan") != float("nan"))
print(2.0 ** 0.5 * 2, 7 % 3.0, -7.5 // 2, 1 / 4)
try:
    x / 0
except ZeroDivisionError as e:
    print(e)
try:
    x % 0
except ZeroDivisionError as e:
    print(e)
try:
    5 // 0
except ZeroDivisionError as e:
    print(e)
