# list.sort with key and reverse; sort is stable and in place.
nums = [5, 2, 9, 1, 5, 6]
r = nums.sort()
print(nums, r)
nums.sort(reverse=True)
print(nums)
people = [('ann', 30), ('bob', 25), ('cy', 30), ('di', 25), ('ed', 35)]
people.sort(key=lambda p: p[1])
print(people)
people.sort(key=lambda p: p[1], reverse=True)
print(people)
words = ['Banana', 'apple', 'cherry', 'Apple']
words.sort()
print(words)
words.sort(key=str.lower)
print(words)
words.sort(key=len)
print(words)
recs = [{'n': 'x', 'v': 2}, {'n': 'y', 'v': 1}, {'n': 'z', 'v': 2}]
recs.sort(key=lambda r: (-r['v'], r['n']))
print([r['n'] for r in recs])
mixed = [3.5, 1, 2.25, -1, 0]
mixed.sort()
print(mixed)
try:
    [1, 'a', 2].sort()
except TypeError as e:
    print('TypeError:', e)
