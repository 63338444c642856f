# Real world: signals/observers with weak-free unsubscription by token.
class Signal:
    def __init__(self, name):
        self.name = name
        self.slots = {}
        self.next_token = 0
    def connect(self, fn, once=False):
        self.next_token += 1
        self.slots[self.next_token] = (fn, once)
        return self.next_token
    def disconnect(self, token):
        return self.slots.pop(token, None) is not None
    def emit(self, *args, **kwargs):
        results = []
        for token, (fn, once) in list(self.slots.items()):
            results.append(fn(*args, **kwargs))
            if once:
                del self.slots[token]
        return results
class HUD:
    def __init__(self):
        self.shown = []
    def on_health(self, value, maximum=100):
        self.shown.append(f'HP {value}/{maximum}')
        return 'hud'
hud = HUD()
health_changed = Signal('health_changed')
t1 = health_changed.connect(hud.on_health)
t2 = health_changed.connect(lambda v, maximum=100: 'LOW!' if v < maximum // 4 else 'ok')
t3 = health_changed.connect(lambda v, **kw: f'first hit: {v}', once=True)
print(health_changed.emit(80))
print(health_changed.emit(20, maximum=100))
print(health_changed.disconnect(t2), health_changed.disconnect(t2), health_changed.disconnect(t3))
print(health_changed.emit(5, maximum=50))
print(hud.shown, sorted(health_changed.slots))
