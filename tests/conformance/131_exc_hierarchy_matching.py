# Exceptions are matched by class hierarchy; first matching clause wins.
def trigger(kind):
    if kind == 'zero':
        return 1 // 0
    if kind == 'key':
        return {}['missing']
    if kind == 'index':
        return [][3]
    if kind == 'type':
        return 'a' + 1
    if kind == 'value':
        return int('zz')
    if kind == 'attr':
        return None.foo
for kind in ['zero', 'key', 'index', 'type', 'value', 'attr']:
    try:
        trigger(kind)
    except ArithmeticError as e:
        print(kind, 'ArithmeticError', type(e).__name__)
    except LookupError as e:
        print(kind, 'LookupError', type(e).__name__)
    except Exception as e:
        print(kind, 'Exception', type(e).__name__, e)
print(issubclass(KeyError, LookupError), issubclass(IndexError, LookupError))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(OverflowError, ArithmeticError))
print(issubclass(Exception, BaseException), issubclass(StopIteration, Exception))
print(issubclass(NotImplementedError, RuntimeError), issubclass(UnboundLocalError, NameError))
print(issubclass(KeyboardInterrupt, Exception), issubclass(GeneratorExit, Exception))
print(issubclass(SystemExit, BaseException), issubclass(AssertionError, Exception))
print([c.__name__ for c in KeyError.__mro__])
