# Real world: a tokenizer for a tiny scripting language.
KEYWORDS = {'if', 'then', 'else', 'end', 'let', 'print'}
OPS = ['==', '!=', '<=', '>=', '+', '-', '*', '/', '<', '>', '=', '(', ')']
class TokenError(Exception):
    pass
def tokenize(src):
    tokens = []
    i, line = 0, 1
    while i < len(src):
        ch = src[i]
        if ch == '\n':
            line += 1
            i += 1
        elif ch.isspace():
            i += 1
        elif ch == '#':
            while i < len(src) and src[i] != '\n':
                i += 1
        elif ch.isdigit():
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == '.'):
                j += 1
            text = src[i:j]
            tokens.append(('NUM', float(text) if '.' in text else int(text), line))
            i = j
        elif ch.isalpha() or ch == '_':
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == '_'):
                j += 1
            word = src[i:j]
            tokens.append(('KW' if word in KEYWORDS else 'NAME', word, line))
            i = j
        elif ch == '"':
            j = src.find('"', i + 1)
            if j < 0:
                raise TokenError(f'line {line}: unterminated string')
            tokens.append(('STR', src[i + 1:j], line))
            i = j + 1
        else:
            for op in OPS:
                if src.startswith(op, i):
                    tokens.append(('OP', op, line))
                    i += len(op)
                    break
            else:
                raise TokenError(f'line {line}: unexpected {ch!r}')
    return tokens
src = 'let hp = 10 # start\nif hp >= 5.5 then print "ok" else print(hp - 1) end\n'
for tok in tokenize(src):
    print(tok)
for bad in ['let s = "open', 'let x = 3 $ 4']:
    try:
        tokenize(bad)
    except TokenError as e:
        print('TokenError:', e)
