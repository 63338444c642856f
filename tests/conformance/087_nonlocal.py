# nonlocal rebinding across nesting levels.
def outer():
    x = 1
    def middle():
        def inner():
            nonlocal x
            x += 10
            return x
        r = inner()
        return r, x
    res = middle()
    return res, x
print(outer())
def accumulator():
    total = 0
    items = []
    def add(v):
        nonlocal total
        total += v
        items.append(v)
        return total, items
    return add
acc = accumulator()
acc(1)
acc(2)
print(acc(3))
def shadowing():
    v = 'outer'
    def inner():
        v = 'inner'
        return v
    inner()
    return v
print(shadowing())
def pair():
    a = b = 0
    def setboth(x):
        nonlocal a, b
        a, b = x, -x
    setboth(7)
    return a, b
print(pair())
