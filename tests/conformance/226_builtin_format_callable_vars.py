# format(), callable(), vars().
print(format(3.14159, '.2f'), format(42, '05d'), format('x', '^5'), format(1234567, ','))
print(format(255, 'b'), format(0.5, '.0%'), format(12), format('plain'), format(2.0))
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __format__(self, spec):
        if spec == 'polar':
            return f'<r={(self.x ** 2 + self.y ** 2) ** 0.5:.1f}>'
        return f'({format(self.x, spec)}, {format(self.y, spec)})'
v = Vec(3, 4)
print(format(v, '.1f'), f'{v:polar}', '{:03d}'.format(v))
print(callable(print), callable(Vec), callable(v), callable(v.__format__), callable(None))
print(vars(v))
v.z = 5
print(vars(v), vars(v) is v.__dict__)
class Conf:
    pass
c = Conf()
vars(c)['dyn'] = 1
print(c.dyn, vars(c))
try:
    vars(5)
except TypeError as e:
    print('TypeError:', e)
