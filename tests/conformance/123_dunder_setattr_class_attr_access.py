# __setattr__ interception, and __class__ / __dict__ access.
class Tracked:
    def __init__(self):
        self.changes = []
        self.x = 0
    def __setattr__(self, name, value):
        if name != 'changes':
            self.changes.append((name, value))
        object.__setattr__(self, name, value)
t = Tracked()
t.x = 5
t.y = 'a'
print(t.changes, t.x, t.y)
print(t.__class__.__name__, t.__class__ is Tracked)
print(sorted(t.__dict__))
class Frozen:
    def __init__(self, v):
        object.__setattr__(self, 'v', v)
    def __setattr__(self, name, value):
        raise AttributeError(f'{name} is read-only')
f = Frozen(3)
print(f.v)
try:
    f.v = 4
except AttributeError as e:
    print('AttributeError:', e)
