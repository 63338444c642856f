# Comprehensions mixed with builtins and function calls.
data = [('ann', 88), ('bob', 72), ('cy', 95), ('di', 60)]
passed = [name for name, score in data if score >= 70]
print(passed)
print(max(data, key=lambda d: d[1])[0], sum(s for _, s in data) / len(data))
print(sorted([s for _, s in data], reverse=True)[:2])
grades = {name: ('A' if s >= 90 else 'B' if s >= 80 else 'C' if s >= 70 else 'F')
          for name, s in data}
print(grades)
print(list(zip(*[(n.upper(), s // 10) for n, s in data])))
print([f'{n}:{s}' for n, s in sorted(data, key=lambda d: -d[1])])
print(''.join([ch for ch in 'Hello, World!' if ch.isalpha()]).lower())
print(len([1 for n in range(100) if str(n) == str(n)[::-1]]))
