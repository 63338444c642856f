# f-string '=' specifier (Python 3.8+).
hp = 12
name = 'orc'
print(f'{hp=}')
print(f'{name=}')
print(f'{hp * 2=}')
print(f'{hp=:>5}')
print(f'{name = }')
