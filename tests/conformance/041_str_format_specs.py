# Format specs via format() and str.format.
n = 1234567
x = 3.14159265
print(format(n, ','), format(n, '_'), format(n, '>12,'), format(-n, ','))
print(format(x, '.2f'), format(x, '8.3f'), format(x, '<8.1f') + '|', format(x, '+.1f'))
print(format(255, 'x'), format(255, 'X'), format(255, '#x'), format(255, '08b'), format(8, 'o'))
print(format(255, '#010x'), format(5, '#b'), format(8, '#o'))
print(format(0.25, '%'), format(0.25, '.1%'), format(1 / 3, '.2%'))
print(format(12345.678, 'e'), format(12345.678, '.2e'), format(0.00012, 'E'))
print(format(12345.678, 'g'), format(0.00001234, 'g'), format(1e20, 'g'), format(100.0, 'g'))
print(format(42, '+d'), format(42, ' d'), format(-42, '=8d'), format(42, '*^9d'))
print(format(7, '03d'), format(-7, '04d'), format(3.5, '06.2f'), format(-3.5, '08.2f'))
print(format('txt', '>5'), format('txt', '.2'), format('txt', '*<6'))
print(format(1234.5, ',.2f'), format(1e6, ',.0f'), format(0.5, '.0f'), format(2.5, '.0f'))
print(format(True, 'd'), format(65, 'c'), format(3, '.2f'), format(2.0, 'g'))
print(repr(format(12, '')), repr(format(1.5, '')))
