# Real world: binary search variants for level-up thresholds.
XP_TABLE = [0, 100, 250, 450, 700, 1000, 1400, 1900, 2500, 3200]
def level_for(xp):
    lo, hi = 0, len(XP_TABLE)
    while lo < hi:
        mid = (lo + hi) // 2
        if XP_TABLE[mid] <= xp:
            lo = mid + 1
        else:
            hi = mid
    return lo
def find(seq, target):
    lo, hi = 0, len(seq) - 1
    steps = 0
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if seq[mid] == target:
            return mid, steps
        if seq[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1, steps
for xp in [0, 99, 100, 101, 699, 700, 3199, 3200, 99999]:
    print(xp, '-> level', level_for(xp))
data = list(range(0, 1000, 7))
print(find(data, 693), find(data, 694), find(data, 0), find([], 1))
def isqrt(n):
    lo, hi = 0, min(n, 3_000_000_000)  # keeps mid * mid inside 64 bits
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid - 1
    return lo
print([isqrt(n) for n in [0, 1, 15, 16, 17, 10 ** 12, 2 ** 62]])
