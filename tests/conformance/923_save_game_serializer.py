# Real world: a key=value save format with typed values and validation.
def serialize(data, prefix=''):
    lines = []
    for key in sorted(data):
        value = data[key]
        full = prefix + key
        if isinstance(value, dict):
            lines.extend(serialize(value, full + '.'))
        elif isinstance(value, bool):
            lines.append(f'{full}=b:{int(value)}')
        elif isinstance(value, int):
            lines.append(f'{full}=i:{value}')
        elif isinstance(value, float):
            lines.append(f'{full}=f:{value!r}')
        elif isinstance(value, list):
            lines.append(f'{full}=l:' + ','.join(str(v) for v in value))
        else:
            lines.append(f'{full}=s:{value}')
    return lines
def deserialize(lines):
    out = {}
    for n, line in enumerate(lines, 1):
        key, sep, rest = line.partition('=')
        if not sep or ':' not in rest:
            raise ValueError(f'line {n}: malformed {line!r}')
        kind, _, raw = rest.partition(':')
        conv = {'i': int, 'f': float, 's': str, 'b': lambda r: r == '1',
                'l': lambda r: [int(x) for x in r.split(',')] if r else []}
        if kind not in conv:
            raise ValueError(f'line {n}: unknown type {kind!r}')
        *path, last = key.split('.')
        node = out
        for p in path:
            node = node.setdefault(p, {})
        node[last] = conv[kind](raw)
    return out
save = {'player': {'name': 'Ann', 'hp': 87, 'speed': 1.25, 'pos': {'x': -3, 'y': 12},
                   'hardcore': False}, 'level': 4, 'keys': [3, 1, 4], 'empty': []}
text = serialize(save)
print('\n'.join(text))
back = deserialize(text)
print(back == save, back['player']['pos'], type(back['player']['speed']).__name__)
for bad in [['player.hp'], ['x=q:1'], ['n=i:abc']]:
    try:
        deserialize(bad)
    except ValueError as e:
        print('ValueError:', e)
