# Stacked decorators apply bottom-up and run top-down.
def deco(label):
    def wrap(fn):
        print('decorating with', label)
        def inner(*args):
            print('enter', label)
            r = fn(*args)
            print('exit', label)
            return r
        return inner
    return wrap
@deco('outer')
@deco('middle')
@deco('inner')
def work(x):
    print('working on', x)
    return x * 2
print('result', work(21))
def bold(fn):
    return lambda: '<b>' + fn() + '</b>'
def italic(fn):
    return lambda: '<i>' + fn() + '</i>'
@bold
@italic
def text():
    return 'hi'
print(text())
