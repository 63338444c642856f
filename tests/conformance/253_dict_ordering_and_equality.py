# Insertion order is preserved; equality ignores order.
d = {}
for ch in 'zebra':
    d[ch] = ord(ch)
print(list(d))
d['z'] = 0
print(list(d))
del d['e']
d['e'] = 1
print(list(d.items()))
a = {'x': 1, 'y': 2}
b = {'y': 2, 'x': 1}
print(a == b, list(a) == list(b), a != {'x': 1}, a == {'x': 1, 'y': 2.0})
print({1: 'a'} == {1.0: 'a'}, {'k': [1]} == {'k': [1]})
try:
    a < b
except TypeError as e:
    print('TypeError:', e)
big = {i: i * i for i in range(20)}
for i in range(0, 20, 2):
    del big[i]
big[0] = 'back'
print(list(big)[:5], list(big)[-3:], len(big))
