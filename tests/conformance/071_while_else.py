# while loops with else, break and continue.
n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    print('n =', n)
else:
    print('while finished normally')
i = 10
while i > 0:
    if i == 7:
        print('breaking at', i)
        break
    i -= 1
else:
    print('never printed')
count = 0
while False:
    count += 1
else:
    print('else runs even when body never runs', count)
x = 100
steps = 0
while x != 1:
    x = x // 2 if x % 2 == 0 else 3 * x + 1
    steps += 1
print('collatz(100) steps:', steps)
