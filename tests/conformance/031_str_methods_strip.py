# strip, lstrip, rstrip with and without chars.
s = '\t  hello world \n '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print('xxhixx'.strip('x'), 'xyhiyx'.strip('xy'), '...hi!!!'.rstrip('!'))
print('www.example.com'.lstrip('w.'), '0042'.lstrip('0'), '0'.lstrip('0') == '')
print(repr('   '.strip()), repr(''.strip()))
print('abcba'.strip('a'), 'abcba'.strip('ab'), 'abcba'.strip('abc'))
print('path/to/dir///'.rstrip('/'))
print('#comment'.removeprefix('#'), 'file.py'.removesuffix('.py'), 'x'.removeprefix('y'))
