# repr() of strings chooses quotes and escapes.
samples = ['plain', "it's", 'say "hi"', 'both \' and "', 'tab\there', 'nl\n',
           'back\\slash', '\x00\x01', '\x7f', 'é€', '']
for s in samples:
    print(repr(s))
print([s for s in samples[:3]])
print(str(['a', "b'c"]))
print(repr(repr('x')))
