# isdigit, isalpha, isspace, isalnum, isdecimal, isnumeric, isidentifier.
samples = ['123', 'abc', 'abc123', '   ', '\t\n', '', 'a b', '12.5', '-3', 'Ab_1', 'é']
for s in samples:
    print(repr(s), s.isdigit(), s.isalpha(), s.isspace(), s.isalnum(),
          s.isdecimal(), s.isidentifier())
print('x1'.isidentifier(), '1x'.isidentifier(), '_'.isidentifier())
print('ABC'.isascii(), 'é'.isascii())
