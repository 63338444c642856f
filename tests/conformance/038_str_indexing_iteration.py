# Indexing, iteration and membership on strings.
s = 'python'
print(s[0], s[-1], s[2], s[-3])
print([c for c in s])
print('th' in s, 'x' in s, '' in s, 'py' not in s)
print(len(s), s * 2, s + '!')
for i, c in enumerate('abc'):
    print(i, c, end='; ')
print()
try:
    s[10]
except IndexError as e:
    print('IndexError:', e)
try:
    s[0] = 'P'
except TypeError as e:
    print('TypeError:', e)
print(list(reversed(s)), ''.join(sorted(s)))
print(min(s), max(s), s.count('o'))
