# Edge cases of negative steps and out-of-range bounds.
a = [0, 1, 2, 3, 4]
for start in [None, -1, 0, 2, 10, -10]:
    for stop in [None, -1, 0, 3, 10, -10]:
        print(f'{str(start):>5} {str(stop):>5}', a[start:stop:-1], a[start:stop:2])
try:
    a[::0]
except ValueError as e:
    print('ValueError:', e)
