# Nested replacement fields inside format specs.
width = 10
prec = 2
value = 2.718281828
fill = '*'
align = '^'
print(f'[{value:{width}.{prec}f}]')
print(f'[{value:>{width}}]')
print(f'[{"mid":{fill}{align}{width}}]')
for w in range(4, 8):
    print(f'[{w:{w}d}]')
for p in range(4):
    print(f'{value:.{p}f}')
spec = '>8.1f'
print(f'[{value:{spec}}]')
print('[{:{}.{}f}]'.format(value, width, prec))
print(f'{f"{value:.1f}":>6}|')
