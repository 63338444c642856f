# split, rsplit, join.
s = '  alpha beta\tgamma\n delta  '
print(s.split())
print(s.split(None, 1))
print(s.rsplit(None, 1))
print('a,b,,c,'.split(','))
print('a,b,,c,'.split(',', 2))
print('a,b,,c,'.rsplit(',', 2))
print('a::b::c'.split('::'), ''.split(), ''.split(','))
print('one two three'.split(' ', 0), 'x'.split('x'))
print('-'.join(['a', 'b', 'c']), ''.join([]), ', '.join('xyz'))
print(' '.join(str(n) for n in range(5)))
print('/'.join(('usr', 'local', 'bin')))
try:
    ', '.join(['a', 1])
except TypeError as e:
    print(e)
try:
    'abc'.split('')
except ValueError as e:
    print(e)
