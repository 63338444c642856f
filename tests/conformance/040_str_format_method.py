# str.format: positional, named, attribute and index access.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(3, 4)
print('{} and {}'.format('a', 'b'))
print('{1} {0} {1}'.format('x', 'y'))
print('{name} is {age}'.format(name='Ann', age=30))
print('({0.x}, {0.y})'.format(p))
print('{p.x}/{p.y}'.format(p=p))
print('{0[1]} {0[0]}'.format(['first', 'second']))
print('{d[key]} {d[other]}'.format(d={'key': 'K', 'other': 2}))
print('{0[0][1]}'.format([['a', 'b']]))
print('{{literal}} {}'.format(5))
print('{!r} {!s}'.format('hi', 'hi'))
data = {'hp': 10, 'mp': 5}
print('HP {hp} MP {mp}'.format(**data))
print('{:>6}|{:<6}|{:^6}|'.format('r', 'l', 'c'))
print('{0:{1}}|'.format('w', 5), '{:{fill}>{w}}'.format(7, fill='0', w=4))
