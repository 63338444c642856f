# Changing a dict's size while iterating raises RuntimeError.
d = {'a': 1, 'b': 2, 'c': 3}
try:
    for k in d:
        if k == 'a':
            d['new'] = 0
except RuntimeError as e:
    print('RuntimeError:', e)
d = {'a': 1, 'b': 2, 'c': 3}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print('RuntimeError:', e)
d = {'a': 1, 'b': 2, 'c': 3}
for k in d:
    d[k] *= 10
print(d)
for k in list(d):
    if d[k] > 15:
        del d[k]
print(d)
d = {i: str(i) for i in range(5)}
d = {k: v for k, v in d.items() if k % 2}
print(d)
