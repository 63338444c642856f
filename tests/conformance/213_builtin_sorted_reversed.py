# sorted() with key and reverse is stable; reversed().
data = [('b', 2), ('a', 2), ('c', 1), ('d', 3), ('e', 1)]
print(sorted(data))
print(sorted(data, key=lambda t: t[1]))
print(sorted(data, key=lambda t: t[1], reverse=True))
print(sorted('hello'), sorted([3, 1, 2], reverse=True), sorted([]))
print(sorted({'b': 1, 'a': 2}), sorted({'b': 1, 'a': 2}.items(), key=lambda kv: kv[1]))
words = ['banana', 'Cherry', 'apple', 'fig', 'Date']
print(sorted(words, key=len), sorted(words, key=str.lower))
print(sorted(words, key=lambda w: (len(w), w)))
print(sorted([-3, 1, -2, 4], key=abs), sorted([1.5, -1, 0, True]))
orig = [3, 1, 2]
s = sorted(orig)
print(orig, s, s is orig)
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed((1, 2))))
print(list(reversed(range(3))), list(reversed([])))
try:
    sorted([1, 'a'])
except TypeError as e:
    print('TypeError:', e)
try:
    reversed({1: 2, 3: 4}.keys())
    print('dict keys reversible')
except TypeError as e:
    print('TypeError:', e)
