# Simple decorators wrap functions.
def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper() + '!'
    return wrapper
@shout
def greet(name):
    return 'hello ' + name
print(greet('ann'))
def trace(fn):
    def wrapper(*args):
        print('call', fn.__name__, args)
        result = fn(*args)
        print('ret ', result)
        return result
    return wrapper
@trace
def add(a, b):
    return a + b
add(2, 3)
def register(fn):
    registry.append(fn.__name__)
    return fn
registry = []
@register
def a():
    pass
@register
def b():
    pass
print(registry, a.__name__, greet.__name__)
