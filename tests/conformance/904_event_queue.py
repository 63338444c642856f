# Real world: a tiny event queue with subscribers, ordering and deferred events.
class EventBus:
    def __init__(self):
        self.handlers = {}
        self.queue = []
        self.seq = 0
    def subscribe(self, kind, fn, priority=0):
        self.handlers.setdefault(kind, []).append((priority, len(self.handlers.get(kind, [])), fn))
        self.handlers[kind].sort(key=lambda h: (-h[0], h[1]))
    def post(self, kind, time, **data):
        self.seq += 1
        self.queue.append((time, self.seq, kind, data))
    def run(self, until):
        self.queue.sort()
        while self.queue and self.queue[0][0] <= until:
            time, _, kind, data = self.queue.pop(0)
            for _, _, fn in self.handlers.get(kind, []):
                if fn(self, time, **data) == 'stop':
                    break
            self.queue.sort()
log = []
def on_hit(bus, t, target, dmg):
    log.append(f't={t} {target} takes {dmg}')
    if dmg >= 10:
        bus.post('stagger', t + 2, target=target)
def shield(bus, t, target, dmg):
    if target == 'knight':
        log.append(f't={t} shield blocks hit on {target}')
        return 'stop'
def on_stagger(bus, t, target):
    log.append(f't={t} {target} staggers')
bus = EventBus()
bus.subscribe('hit', on_hit)
bus.subscribe('hit', shield, priority=5)
bus.subscribe('stagger', on_stagger)
bus.post('hit', 3, target='orc', dmg=12)
bus.post('hit', 1, target='knight', dmg=50)
bus.post('hit', 3, target='bat', dmg=2)
bus.post('hit', 4, target='orc', dmg=4)
bus.run(until=4)
print('\n'.join(log))
print('pending:', [(t, k, d) for t, _, k, d in bus.queue])
bus.run(until=10)
print(log[-1], len(bus.queue))
