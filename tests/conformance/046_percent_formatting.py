# printf-style % formatting.
print('%d items' % 5)
print('%s has %d hp and %.1f%% armor' % ('Ann', 30, 12.345))
print('%5d|%-5d|%05d|%+d|% d' % (42, 42, 42, 42, 42))
print('%x %X %#x %o %#o' % (255, 255, 255, 8, 8))
print('%e %.2e %E' % (12345.678, 12345.678, 0.00012))
print('%g %g %g' % (12345.678, 0.00001234, 100.0))
print('%8.3f|%-8.2f|%08.2f' % (3.14159, 3.14159, -3.14159))
print('%s %r' % ('txt', 'txt'))
print('%(name)s is %(age)d' % {'name': 'Bob', 'age': 7})
print('%c%c' % (72, 'i'))
print('%.3s|%5s|%-5s|' % ('abcdef', 'ab', 'ab'))
print('%s' % [1, 2], '%s' % (1,), '%s' % ((1, 2),))
print('%d%%' % 50, '%%')
print('%i %d' % (3.9, -3.9))
try:
    print('%d %d' % (1,))
except TypeError as e:
    print('TypeError:', e)
try:
    print('%d' % (1, 2))
except TypeError as e:
    print('TypeError:', e)
