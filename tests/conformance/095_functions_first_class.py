# Functions as values: stored, passed, returned, attributes.
def double(x):
    return x * 2
def apply_all(fns, v):
    return [f(v) for f in fns]
print(apply_all([double, abs, str, lambda x: -x], -3))
table = {'double': double, 'neg': lambda x: -x}
print(table['double'](21), table['neg'](5))
def pipeline(*fns):
    def run(x):
        for f in fns:
            x = f(x)
        return x
    return run
print(pipeline(double, double, str, len)(123))
double.note = 'annotated'
print(double.note, double.__name__, callable(double))
def outer():
    def inner():
        pass
    return inner
print(outer().__name__, outer().__qualname__)
print(type(double).__name__, type(lambda: 0).__name__)
print(sorted(['bb', 'a', 'ccc'], key=len), max(['bb', 'a'], key=len))
