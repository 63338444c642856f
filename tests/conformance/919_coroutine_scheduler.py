# Real world: a round-robin scheduler of generator "tasklets" with sleeping.
class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
class Scheduler:
    def __init__(self):
        self.ready = []
        self.sleeping = []
        self.now = 0
    def spawn(self, name, gen):
        self.ready.append((name, gen))
    def run(self):
        while self.ready or self.sleeping:
            woken = [(n, g) for t, n, g in self.sleeping if t <= self.now]
            self.sleeping = [(t, n, g) for t, n, g in self.sleeping if t > self.now]
            self.ready.extend(woken)
            batch, self.ready = self.ready, []
            for name, gen in batch:
                try:
                    req = next(gen)
                except StopIteration as stop:
                    print(f'[{self.now}] {name} finished -> {stop.value}')
                    continue
                if isinstance(req, Sleep):
                    self.sleeping.append((self.now + req.ticks, name, gen))
                else:
                    self.ready.append((name, gen))
            self.now += 1
def blinker(n):
    for i in range(n):
        print(f'  blink {i}')
        yield Sleep(2)
    return 'blinked'
def counter(limit):
    total = 0
    for i in range(limit):
        total += i
        yield
    return total
def spawner(sched):
    yield Sleep(3)
    print('  spawning late task')
    sched.spawn('late', counter(2))
    return 'spawned'
s = Scheduler()
s.spawn('blinker', blinker(3))
s.spawn('counter', counter(4))
s.spawn('spawner', spawner(s))
s.run()
print('ended at tick', s.now)
