# A function in its own closure (a recursive inner function, a self-counting wrapper):
# freed as soon as nothing outside refers to it, with no collector run.
def itertest(l):
    def listiter(l):
        for i in l:
            if isinstance(i, list):
                yield from listiter(i)
            else:
                yield i
    return listiter(l)

def _make_iterencode(sep):
    def _iterencode(o, depth):
        if isinstance(o, dict):
            yield '{'
            for i, (k, v) in enumerate(o.items()):
                if i:
                    yield sep
                yield repr(k) + ': '
                yield from _iterencode(v, depth + 1)
            yield '}'
        elif isinstance(o, list):
            yield '['
            for i, v in enumerate(o):
                if i:
                    yield sep
                yield from _iterencode(v, depth + 1)
            yield ']'
        else:
            yield repr(o)
    return _iterencode

def counted(fn):
    def wrapper(*args):
        wrapper.calls += 1
        return fn(*args)
    wrapper.calls = 0
    return wrapper

print(list(itertest([1, [2, [3, [4]]], 5])))
it = itertest([[1, 2], 3])
print(next(it), next(it))
del it
encode = _make_iterencode(', ')
print(''.join(encode({'a': [1, 2, {'b': None}], 'c': 'x'}, 0)))
del encode
total = counted(sum)
print(total([1, 2]), total([3]), total.calls)
def mutual():
    def is_even(n):
        return True if n == 0 else is_odd(n - 1)
    def is_odd(n):
        return False if n == 0 else is_even(n - 1)
    return is_even(10), is_odd(7)
print(mutual())
