# and/or return one of their operands and short-circuit.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or 'default', '' or [] or 0)
print([] and 'x', 'a' and 'b' and 'c', 0 or None, 'x' or 1 / 0)
print(not 0, not 1, not '', not 'a', not None, not [], not [0])
calls = []
def t(v):
    calls.append(v)
    return v
r = t(0) and t(1)
print(r, calls)
calls.clear()
r = t(1) or t(2)
print(r, calls)
calls.clear()
r = t(0) or t('') or t('last')
print(repr(r), calls)
calls.clear()
r = t(1) and t(2) and t(0) and t(3)
print(r, calls)
name = None
print(name or 'anonymous', (name and name.upper()) or '-')
