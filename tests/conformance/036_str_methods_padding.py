# zfill, center, ljust, rjust, expandtabs.
print('42'.zfill(5), '-42'.zfill(5), '+7'.zfill(4), 'abc'.zfill(2), ''.zfill(3))
print('[' + 'hi'.center(6) + ']', '[' + 'hi'.center(7) + ']', '[' + 'hi'.center(7, '*') + ']')
print('[' + 'odd'.center(6, '-') + ']', '[' + 'x'.center(4) + ']')
print('[' + 'left'.ljust(8) + ']', '[' + 'right'.rjust(8) + ']')
print('[' + 'ab'.ljust(5, '.') + ']', '[' + 'ab'.rjust(5, '0') + ']')
print('[' + 'toolong'.center(3) + ']', '[' + 'toolong'.ljust(3) + ']')
for name, score in [('Ann', 9), ('Bartholomew', 120), ('Cy', 45)]:
    print(name.ljust(12, '.') + str(score).rjust(5))
print(repr('a\tb'.expandtabs(4)), repr('ab\tc'.expandtabs()))
