# Augmented assignment on names of many types.
n = 10
n += 5; print(n)
n -= 3; print(n)
n *= 2; print(n)
n /= 8; print(n)
n //= 1; print(n)
n **= 2; print(n)
n %= 4; print(n)
s = 'ab'
s += 'cd'; s *= 2
print(s)
t = (1,)
t += (2, 3)
print(t)
lst = [1]
alias = lst
lst += [2]
print(lst, alias, lst is alias)
tup = (1,)
alias_t = tup
tup += (2,)
print(tup, alias_t)
b = 0b1100
b &= 0b1010; print(b)
b |= 1; print(b)
b ^= 0b11; print(b)
b <<= 4; print(b)
b >>= 2; print(b)
