# Real world: a recursive-descent evaluator for damage formulas.
class ParseError(Exception):
    pass
def tokenize(s):
    toks, i = [], 0
    while i < len(s):
        j = i + 1
        if s[i].isalnum():
            while j < len(s) and (s[j].isalnum() or s[j] == '.'):
                j += 1
            word = s[i:j]
            toks.append(float(word) if word[0].isdigit() else word)
        elif s[i] in '+-*/^(),':
            toks.append(s[i])
        elif not s[i].isspace():
            raise ParseError(f'bad char {s[i]!r} at {i}')
        i = j
    return toks + [None]
FUNCS = {'min': min, 'max': max, 'abs': abs}
OPS = {'+': lambda a, b: a + b, '-': lambda a, b: a - b,
       '*': lambda a, b: a * b, '/': lambda a, b: a / b}
def evaluate(src, env):
    toks = tokenize(src)
    pos = 0
    def take(expected='any'):
        nonlocal pos
        tok = toks[pos]
        if expected != 'any' and tok != expected:
            raise ParseError(f'expected {expected!r}, got {tok!r}')
        pos += 1
        return tok
    def binary(level, ops):
        v = level()
        while toks[pos] in ops:
            v = OPS[take()](v, level())
        return v
    expr = lambda: binary(term, ('+', '-'))
    term = lambda: binary(power, ('*', '/'))
    def power():
        base = -power() if toks[pos] == '-' and take() else atom()
        return base ** power() if toks[pos] == '^' and take() else base
    def atom():
        tok = take()
        if isinstance(tok, float):
            return tok
        if tok == '(':
            v = expr()
            take(')')
            return v
        if tok in FUNCS and take('('):
            args = [expr()]
            while toks[pos] == ',' and take():
                args.append(expr())
            return FUNCS[tok](*args) if take(')') else 0
        if tok in env:
            return float(env[tok])
        raise ParseError(f'unexpected {tok!r}')
    result = expr()
    take(None)
    return result
env = {'atk': 40, 'def': 15, 'lvl': 7}
for src in ['1 + 2 * 3', '(1 + 2) * 3', '2 ^ 3 ^ 2', 'atk * (1 - def / (def + 100))',
            'max(1, atk - def * 2) + abs(lvl / -2)', 'min(atk, 9, lvl) ^ 2', '10 / 4 - -1']:
    print(f'{src:<40} = {evaluate(src, env)}')
for bad in ['1 +', '(2', '3 $ 4', 'foo + 1', '1 2', '4 / 0']:
    try:
        evaluate(bad, env)
    except (ParseError, ZeroDivisionError) as e:
        print(f'{bad:<8} {type(e).__name__}: {e}')
