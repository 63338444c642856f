# pass and loops over ranges in different directions.
for i in range(5):
    pass
print('last i', i)
print(list(range(5)), list(range(2, 8)), list(range(0, 20, 5)))
print(list(range(10, 0, -3)), list(range(5, 0, -1)), list(range(0)), list(range(3, 3)))
print(list(range(-3, 3)), list(range(0, -10, -4)), list(range(1, 0)))
class Empty:
    pass
def nothing():
    pass
print(nothing(), type(Empty()).__name__)
for ch in 'ab':
    for n in range(2):
        print(ch + str(n), end=' ')
print()
