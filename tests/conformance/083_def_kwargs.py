# **kwargs collects extra keyword arguments in call order.
def configure(name, **options):
    print(name, type(options).__name__, options)
    for k, v in options.items():
        print(' ', k, '=', v)
configure('window')
configure('window', width=640, height=480, title='Game')
def everything(a, b=1, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(everything(0, c=3))
print(everything(0, 9, 8, 7, c=3, e=5, f=6))
opts = {'c': 'C', 'z': 'Z'}
print(everything(1, **opts))
def passthrough(*args, **kwargs):
    return everything(*args, **kwargs)
print(passthrough(1, 2, c=3))
