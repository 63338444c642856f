# Non-ASCII text: length, indexing, slicing, case.
s = 'héllo wörld €'
print(s, len(s))
print(s[1], s[-1], s[7:12])
print(s.upper())
print(s[::-1])
print(ord('é'), ord('€'), chr(233), chr(8364))
print('é' in s, s.find('ö'), s.index('€'))
print(s.split(' '))
print('ÄÖÜ'.lower(), 'straße'.upper())
print(sorted('bäa'))
print('€'.join(['1', '2']))
print(repr('日本語'), len('日本語'))
