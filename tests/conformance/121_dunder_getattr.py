# __getattr__ is only called for missing attributes.
class Proxy:
    def __init__(self, target):
        self.target = target
        self.hits = 0
    def __getattr__(self, name):
        self.hits += 1
        print('forwarding', name)
        return getattr(self.target, name)
class Target:
    color = 'red'
    def speak(self):
        return 'target speaks'
p = Proxy(Target())
print(p.color, p.speak(), p.hits)
print(p.target.color)
try:
    p.missing
except AttributeError as e:
    print('AttributeError:', e)
print(hasattr(p, 'nothing'), getattr(p, 'nothing', 'dflt'))
class Defaults:
    def __getattr__(self, name):
        if name.startswith('opt_'):
            return name[4:].upper()
        raise AttributeError(f'no attribute {name}')
d = Defaults()
print(d.opt_speed, d.opt_x)
d.opt_speed = 'set explicitly'
print(d.opt_speed)
print(hasattr(d, 'other'), hasattr(d, 'opt_a'))
