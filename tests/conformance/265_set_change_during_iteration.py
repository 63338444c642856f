# Modifying a set while iterating raises RuntimeError; iterate over a copy.
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print('RuntimeError:', e)
s = {1, 2, 3, 4, 5, 6}
for x in set(s):
    if x % 2 == 0:
        s.discard(x)
print(sorted(s))
s = {n for n in range(10)}
s = {n for n in s if n % 3}
print(sorted(s), len(s))
pending = {'a', 'b', 'c'}
done = []
while pending:
    item = min(pending)
    pending.remove(item)
    done.append(item)
print(done, pending == set())
