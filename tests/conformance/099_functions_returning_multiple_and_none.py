# Return values: implicit None, multiple values, early return.
def nothing():
    pass
def explicit_none():
    return
def multi():
    return 1, 'two', [3]
def early(n):
    if n < 0:
        return 'negative'
    for i in range(n):
        if i * i > n:
            return i
    return None
print(nothing(), explicit_none(), multi(), type(multi()).__name__)
a, b, c = multi()
print(a, b, c)
print([early(n) for n in [-1, 0, 5, 10, 50]])
def stats(nums):
    n = len(nums)
    mean = sum(nums) / n
    var = sum((x - mean) ** 2 for x in nums) / n
    return min(nums), max(nums), mean, var
lo, hi, mean, var = stats([2, 4, 4, 4, 5, 5, 7, 9])
print(lo, hi, mean, var, var ** 0.5)
