# Sorting is stable across multi-pass sorts and with many equal keys.
records = [(name, (i * 7) % 4, (i * 3) % 5) for i, name in
           enumerate(['ann', 'bob', 'cy', 'di', 'ed', 'flo', 'gus', 'hal', 'ivy', 'jo', 'kim', 'lu'])]
by_b = sorted(records, key=lambda r: r[2])
by_a_then_b = sorted(by_b, key=lambda r: r[1])
for r in by_a_then_b:
    print(r)
print(by_a_then_b == sorted(records, key=lambda r: (r[1], r[2])))
keys = [n % 3 for n in range(15)]
idx = sorted(range(15), key=lambda i: keys[i])
print(idx)
print(sorted(range(15), key=lambda i: keys[i], reverse=True))
nums = [(v * 37) % 101 for v in range(40)]
nums.sort()
print(nums[:10], nums[-5:], len(nums))
