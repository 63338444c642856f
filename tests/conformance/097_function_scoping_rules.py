# LEGB scoping rules.
x = 'global'
def f():
    return x
def g():
    x = 'enclosing'
    def h():
        return x
    return h()
def k():
    x = 'local'
    return x
print(f(), g(), k(), x)
len_backup = len
def uses_builtin():
    return len([1, 2, 3])
print(uses_builtin())
def shadow_builtin():
    len = lambda s: 'shadowed'
    return len('abc')
print(shadow_builtin(), len('abc'))
def later():
    return defined_after_function()
def defined_after_function():
    return 'ok: resolved at call time'
print(later())
def loop_var_leak():
    for i in range(3):
        pass
    return i
print(loop_var_leak())
