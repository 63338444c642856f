# Context managers used for locks, timers and transactions.
class Lock:
    def __init__(self):
        self.held = False
    def __enter__(self):
        assert not self.held
        self.held = True
        return self
    def __exit__(self, *exc):
        self.held = False
lock = Lock()
with lock:
    print('held inside:', lock.held)
print('held after:', lock.held)
class Transaction:
    def __init__(self, store):
        self.store = store
    def __enter__(self):
        self.backup = dict(self.store)
        return self.store
    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            self.store.clear()
            self.store.update(self.backup)
            print('rolled back because', exc)
            return True
        print('committed')
        return False
bank = {'ann': 100, 'bob': 50}
with Transaction(bank) as b:
    b['ann'] -= 30
    b['bob'] += 30
print(bank)
with Transaction(bank) as b:
    b['ann'] -= 500
    if b['ann'] < 0:
        raise ValueError('overdraft')
print(bank)
