# Handling errors per item and keeping going.
data = ['10', 'x', '30', '', '-5', '4.5']
total = 0
bad = []
for s in data:
    try:
        n = int(s)
    except ValueError:
        bad.append(s)
        continue
    total += n
print(total, bad)
def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return float('inf')
    except TypeError:
        return None
print([safe_div(1, b) for b in [2, 0, 'x', 4]])
attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 3:
            raise ConnectionError(f'attempt {attempts} failed')
        print('succeeded after', attempts)
        break
    except ConnectionError as e:
        print('retry:', e)
print(issubclass(ConnectionError, OSError))
