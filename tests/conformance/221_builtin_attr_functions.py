# hasattr, getattr with default, setattr, delattr.
class Cfg:
    volume = 5
    def __init__(self):
        self.name = 'cfg'
c = Cfg()
print(hasattr(c, 'name'), hasattr(c, 'volume'), hasattr(c, 'nope'), hasattr(Cfg, 'name'))
print(getattr(c, 'name'), getattr(c, 'volume'), getattr(c, 'nope', 'fallback'), getattr(c, 'nope', None))
setattr(c, 'volume', 11)
print(c.volume, Cfg.volume)
setattr(Cfg, 'brightness', 3)
print(c.brightness)
delattr(c, 'volume')
print(c.volume)
for field in ['name', 'volume', 'brightness']:
    print(field, '=', getattr(c, field))
method = getattr('hello', 'upper')
print(method(), getattr([3, 1, 2], '__len__')())
print(getattr(c, 'missing', 0) + 1)
try:
    getattr(c, 5)
except TypeError as e:
    print('TypeError:', e)
