# replace, find, rfind, index, rindex, count.
s = 'the cat sat on the mat'
print(s.replace('at', 'og'))
print(s.replace('at', 'og', 2))
print(s.replace('the ', ''))
print('aaa'.replace('a', 'bb'), 'abc'.replace('', '-'))
print(s.find('at'), s.find('at', 6), s.find('dog'), s.rfind('at'), s.rfind('at', 0, 10))
print(s.index('sat'), s.rindex('the'))
print(s.count('at'), s.count('the'), 'aaaa'.count('aa'), 'abc'.count(''))
print(s.find(''), s.find('the', 1), s.find('t', -3))
try:
    s.index('dog')
except ValueError as e:
    print('ValueError:', e)
try:
    s.rindex('dog')
except ValueError as e:
    print('ValueError:', e)
