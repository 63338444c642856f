# Keyword-only parameters after * or *args.
def spawn(kind, *, x=0, y=0, hp):
    return f'{kind} at ({x},{y}) hp={hp}'
print(spawn('orc', hp=5))
print(spawn('elf', y=3, hp=9, x=1))
try:
    spawn('orc', 1, 2, 3)
except TypeError as e:
    print('TypeError:', e)
try:
    spawn('orc')
except TypeError as e:
    print('TypeError:', e)
def log(*msgs, sep=' ', level='INFO'):
    return f'[{level}] ' + sep.join(msgs)
print(log('a', 'b'))
print(log('a', 'b', sep='|', level='WARN'))
def kwonly_no_default(*, key):
    return key
print(kwonly_no_default(key='k'))
