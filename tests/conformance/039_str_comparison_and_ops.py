# String comparisons, ordering, repetition, conversion.
words = ['banana', 'Apple', 'cherry', 'apple', 'Banana', '']
print(sorted(words))
print(sorted(words, key=str.lower))
print('a' < 'b', 'a' < 'B', 'abc' == 'abc', 'abc' != 'abd')
print('10' < '9', 10 < 9, 'Z' < 'a')
print('ab' * 0, 'ab' * -1, repr('-' * 5))
print(str(12) + str(3.5) + str(None) + str(True) + str([1]))
print(ord('A'), ord('a'), chr(65 + 25), chr(0x41))
print(max(['aa', 'b', 'ab']), min('hello'))
s = 'abc'
s += 'def'
print(s, len(s))
