# Single, double and adjacent string literals.
a = 'single'
b = "double"
c = 'it\'s'
d = "say \"hi\""
e = "it's"
f = 'say "hi"'
print(a, b, c, d, e, f)
print('con' 'cat' "enated")
g = ('multi '
     'line '
     'joined')
print(g)
print('' == "", len(''), len("x"))
print(repr(a), repr(c), repr(d), repr(f))
print('a' * 3, 'ab' + 'cd', 3 * '-')
print('abc' < 'abd', 'Z' < 'a', 'abc' < 'ab')
