# for/else with break and continue.
def find_first_multiple(nums, k):
    for n in nums:
        if n % k == 0:
            print('found', n)
            break
    else:
        print('none found')
find_first_multiple([1, 3, 5, 6, 9], 3)
find_first_multiple([1, 5, 7], 4)
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    print(i, end=' ')
print()
primes = []
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        primes.append(n)
print(primes)
for x in []:
    print('no')
else:
    print('empty loop else')
