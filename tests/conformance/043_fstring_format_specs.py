# f-strings with format specs.
x = 3.14159
n = 1234567
b = 10
s = 'hi'
print(f'[{x:>8.3f}] [{x:<8.2f}] [{x:^9.1f}] [{x:08.3f}]')
print(f'{n:,} {n:_} {n:>12,} {n:,.2f}')
print(f'{b:08b} {b:b} {b:#b} {b:o} {b:x} {255:X} {255:#06x}')
print(f'[{s:>5}] [{s:<5}] [{s:^6}] [{s:*^7}] [{s:.1}]')
print(f'{0.125:.1%} {-5:+d} {5:+d} {5: d} {-5:05d}')
print(f'{1e-7:.2e} {123456.0:.3g} {12.0:g}')
print(f'{s!r:>6}|{s!r:<6}|')
print(f'{42:5d}|{42:<5d}|{42:^5d}|{-42:=6d}|')
for i, (name, price) in enumerate([('Potion', 2.5), ('Elixir', 120.0), ('Key', 0.0)], 1):
    print(f'{i:2}. {name:<10}{price:>8.2f}')
