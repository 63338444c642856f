# Conditional expressions.
for n in range(-2, 3):
    sign = 'neg' if n < 0 else 'zero' if n == 0 else 'pos'
    print(n, sign)
x = 7
print('odd' if x % 2 else 'even')
print((lambda v: v if v > 0 else -v)(-9))
vals = [a if a % 2 == 0 else -a for a in range(6)]
print(vals)
def side(v):
    print('eval', v)
    return v
r = side('A') if False else side('B')
print(r)
print(1 if [] else 2, 'z' if {'k': 0} else 'w')
