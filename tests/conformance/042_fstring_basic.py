# f-strings: expressions, calls, quotes, conversions.
name = 'Ann'
hp = 42
items = ['sword', 'shield']
stats = {'str': 7}
print(f'{name} has {hp} hp')
print(f'{hp * 2} {hp // 5} {hp > 40}')
print(f"{items[0]} and {items[-1]} ({len(items)} items)")
print(f"{stats['str']} {name.upper()} {name[::-1]}")
print(f'{name!r} {name!s} {items!r}')
print(f'{{braces}} {{{hp}}}')
print(f'{"yes" if hp > 10 else "no"}')
print(f'{", ".join(items)}')
print(F'upper prefix {1 + 1}')
print(f'{3.0} {None} {True} {[1, 2]} {(1,)}')
x = 5
print(f'{x}' f'{x + 1}' 'plain' f'{x + 2}')
print(f'''triple {name}
second line {hp}''')
print(f'{(lambda v: v * 3)(4)}')
