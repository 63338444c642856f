# send() resumes a generator with a value.
def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count
a = averager()
print(next(a))
print(a.send(10))
print(a.send(20))
print(a.send(60))
def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received
e = echo()
print(e.send(None), e.send('a'), e.send('b'))
try:
    e.send(None)
except StopIteration as s:
    print('final', s.value)
g = averager()
try:
    g.send(5)
except TypeError as err:
    print('TypeError:', err)
