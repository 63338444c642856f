# Dynamic attributes: setattr, getattr, hasattr, delattr, vars.
class Bag:
    pass
b = Bag()
for name, val in [('gold', 10), ('gems', 2), ('keys', 0)]:
    setattr(b, name, val)
print(vars(b))
print(getattr(b, 'gold'), getattr(b, 'silver', 'none'), hasattr(b, 'gems'))
delattr(b, 'keys')
print(hasattr(b, 'keys'), sorted(vars(b)))
b.__dict__['extra'] = 'via dict'
print(b.extra)
try:
    getattr(b, 'missing')
except AttributeError as e:
    print('AttributeError:', e)
try:
    delattr(b, 'missing')
except AttributeError as e:
    print('AttributeError:', e)
print(getattr(Bag, '__name__'), hasattr(Bag, 'gold'))
