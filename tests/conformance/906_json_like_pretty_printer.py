# Real world: a hand-written JSON-like pretty printer and a round-trip check.
def escape(s):
    out = []
    for ch in s:
        if ch == '"' or ch == '\\':
            out.append('\\' + ch)
        elif ch == '\n':
            out.append('\\n')
        elif ord(ch) < 32:
            out.append('\\u%04x' % ord(ch))
        else:
            out.append(ch)
    return '"' + ''.join(out) + '"'
def dump(v, indent=0, step=2):
    pad = ' ' * indent
    inner = ' ' * (indent + step)
    if v is None:
        return 'null'
    if v is True or v is False:
        return 'true' if v else 'false'
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return escape(v)
    if isinstance(v, (list, tuple)):
        if not v:
            return '[]'
        items = [inner + dump(x, indent + step, step) for x in v]
        return '[\n' + ',\n'.join(items) + '\n' + pad + ']'
    if isinstance(v, dict):
        if not v:
            return '{}'
        items = [inner + escape(str(k)) + ': ' + dump(x, indent + step, step) for k, x in v.items()]
        return '{\n' + ',\n'.join(items) + '\n' + pad + '}'
    raise TypeError(f'cannot serialise {type(v).__name__}')
save = {
    'player': {'name': 'Ann "the Bold"', 'level': 7, 'hp': 93.5, 'alive': True},
    'inventory': ['sword', 'potion', ('key', 3)],
    'flags': {},
    'note': 'line1\nline2\ttab',
    'last_boss': None,
    'scores': [],
}
print(dump(save))
print(dump([1, [2, [3]]], step=4))
try:
    dump({'bad': {1, 2}})
except TypeError as e:
    print('TypeError:', e)
