# Decorator factories taking arguments.
def repeat(times):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def roll(v):
    return v * 2
print(roll(4))
def tag(name, cls=None):
    def deco(fn):
        def wrapper(text):
            attr = f' class="{cls}"' if cls else ''
            return f'<{name}{attr}>{fn(text)}</{name}>'
        return wrapper
    return deco
@tag('p', cls='note')
def para(text):
    return text.strip()
print(para('  some text  '))
HANDLERS = {}
def on(event):
    def deco(fn):
        HANDLERS.setdefault(event, []).append(fn)
        return fn
    return deco
@on('hit')
def flash(x):
    return f'flash {x}'
@on('hit')
def sound(x):
    return f'sound {x}'
print([h('orc') for h in HANDLERS['hit']])
