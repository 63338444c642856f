# Slicing strings and tuples.
s = 'abcdefghij'
print(s[2:5], s[::-1], s[::3], s[-4:-1], s[5:], s[:0], s[9:1:-2])
print('racecar' == 'racecar'[::-1], 'hello'[1:-1], 'x'[5:9] == '')
t = (0, 1, 2, 3, 4, 5)
print(t[1:4], t[::-2], t[:1], t[6:], type(t[1:3]).__name__)
print(s[len(s) // 2:] + s[:len(s) // 2])
word = 'slicing'
print([word[i:i + 3] for i in range(0, len(word), 3)])
print(word[-1] + word[1:-1] + word[0])
r = range(20)
print(r[5:15:3], list(r[5:15:3]), r[::-1][:3], list(r[::-5]))
print('%s|%s' % (s[:-100], s[100:]))
