# append, extend, insert, pop, remove, clear.
a = [1, 2]
a.append(3)
a.append([4, 5])
print(a)
a.extend([6, 7])
a.extend('ab')
a.extend(range(2))
print(a)
b = ['x', 'y', 'z']
b.insert(0, 'start')
b.insert(2, 'mid')
b.insert(100, 'end')
b.insert(-1, 'before-end')
b.insert(-100, 'very-start')
print(b)
print(b.pop(), b.pop(0), b.pop(2), b.pop(-2), b)
c = [3, 1, 3, 2, 3]
c.remove(3)
print(c)
c.clear()
print(c, len(c))
print(a.append(0), a.extend([]), a.insert(0, 0))
try:
    [].pop()
except IndexError as e:
    print('IndexError:', e)
try:
    [1].pop(5)
except IndexError as e:
    print('IndexError:', e)
try:
    c.remove('nope')
except ValueError as e:
    print('ValueError:', e)
