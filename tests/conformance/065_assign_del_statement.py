# del on names, list items, dict keys, attributes.
x = 5
del x
try:
    print(x)
except NameError as e:
    print('NameError:', e)
lst = [0, 1, 2, 3, 4]
del lst[0]
del lst[-1]
print(lst)
d = {'a': 1, 'b': 2, 'c': 3}
del d['b']
print(d)
class C:
    pass
c = C()
c.attr = 1
c.other = 2
del c.attr
print(hasattr(c, 'attr'), vars(c))
a, b = 1, 2
del a, b
try:
    del d['zzz']
except KeyError as e:
    print('KeyError:', e)
try:
    del c.attr
except AttributeError as e:
    print('AttributeError:', e)
