# if / elif / else chains.
def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    elif n < 100:
        return 'medium'
    else:
        return 'large'
for n in [-5, 0, 3, 42, 1000]:
    print(n, classify(n))
x = 5
if x:
    print('truthy')
if not []:
    print('empty list is falsy')
if x > 3: print('one-liner if')
if x > 10:
    pass
else:
    print('else branch')
if x == 5 and (x % 2 == 1 or x < 0):
    print('compound condition')
