# Generator-based coroutines: priming, pipelines of consumers.
def printer(prefix):
    while True:
        item = yield
        print(prefix, item)
def filter_stage(pred, target):
    while True:
        item = yield
        if pred(item):
            target.send(item)
def broadcast(targets):
    while True:
        item = yield
        for t in targets:
            t.send(item)
def primed(gen):
    next(gen)
    return gen
evens = primed(filter_stage(lambda x: x % 2 == 0, primed(printer('even:'))))
bigs = primed(filter_stage(lambda x: x > 3, primed(printer('big:'))))
hub = primed(broadcast([evens, bigs]))
for n in range(7):
    hub.send(n)
def accumulate():
    total = 0
    while True:
        cmd = yield total
        if cmd == 'reset':
            total = 0
        else:
            total += cmd
acc = accumulate()
next(acc)
print([acc.send(v) for v in [1, 2, 'reset', 5, 5]])
