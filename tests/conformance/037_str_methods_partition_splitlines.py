# partition, rpartition, splitlines.
print('key=value=x'.partition('='))
print('key=value=x'.rpartition('='))
print('novalue'.partition('='), 'novalue'.rpartition('='))
print('a.b.c'.partition('.')[2], 'a.b.c'.rpartition('.')[0])
text = 'line1\nline2\r\nline3\rline4\n\nlast'
print(text.splitlines())
print(text.splitlines(True))
print('trailing\n'.splitlines(), ''.splitlines(), '\n'.splitlines())
print('no newline'.splitlines())
print('a\nb\n'.split('\n'))
