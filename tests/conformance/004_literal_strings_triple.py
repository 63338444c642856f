# Triple-quoted strings keep newlines and quotes.
s = """line one
line "two"
line 'three'"""
print(s)
print(len(s.splitlines()))
t = '''a
b\
c'''
print(t)
print(repr(t))
u = """\
starts without newline
"""
print(repr(u))
v = """He said "yes""" + "."
print(v)
def doc():
    """A docstring."""
    return 1
print(doc.__doc__, doc())
