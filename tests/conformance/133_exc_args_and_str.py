# Exception args, str and repr.
try:
    raise ValueError('bad value', 42)
except Exception as e:
    print(e.args, str(e), repr(e))
try:
    raise ValueError('only message')
except Exception as e:
    print(e.args, str(e), repr(e))
try:
    raise RuntimeError
except Exception as e:
    print(e.args, repr(str(e)), repr(e))
e = KeyError('k')
print(e.args, str(e), repr(e))
e = KeyError('a', 'b')
print(str(e))
e = Exception()
print(e.args, repr(str(e)))
print(repr(IndexError(1, [2])), str(TypeError(None)))
print(isinstance(ValueError('x'), Exception), type(ValueError('x')).__name__)
