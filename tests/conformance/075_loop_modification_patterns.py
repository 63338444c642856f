# Common loop patterns: iterate over copy, build new list, index loops.
items = [1, 2, 3, 4, 5, 6]
for x in items[:]:
    if x % 2 == 0:
        items.remove(x)
print(items)
nums = [3, 1, 4, 1, 5]
for i in range(len(nums)):
    nums[i] *= 2
print(nums)
words = ['a', 'bb', 'ccc']
lengths = {}
for w in words:
    lengths[w] = len(w)
print(lengths)
queue = [1]
seen = []
while queue:
    n = queue.pop(0)
    seen.append(n)
    if n < 20:
        queue.extend([n * 2, n * 3])
print(seen)
d = {'a': 1, 'b': 2, 'c': 3}
for k in list(d):
    if d[k] == 2:
        del d[k]
print(d)
