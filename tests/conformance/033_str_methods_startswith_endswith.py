# startswith and endswith, including tuples and ranges.
name = 'player_sprite.png'
print(name.startswith('player'), name.startswith('enemy'))
print(name.endswith('.png'), name.endswith(('.jpg', '.png')), name.endswith(('.a', '.b')))
print(name.startswith(('npc_', 'player_')), name.startswith('sprite', 7))
print(name.endswith('player', 0, 6), ''.startswith(''), 'abc'.startswith(''))
files = ['a.py', 'b.txt', 'c.py', 'README', 'd.PY']
print([f for f in files if f.endswith('.py')])
print([f for f in files if f.lower().endswith('.py')])
try:
    name.startswith(['player'])
except TypeError as e:
    print(e)
