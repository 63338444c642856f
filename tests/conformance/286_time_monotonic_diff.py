# time.time(): only differences are checked, never printed.
import time
t0 = time.time()
total = 0
for i in range(10000):
    total += i
t1 = time.time()
print(type(t0).__name__, t1 - t0 >= 0, t1 >= t0, total)
print(t0 > 1_000_000_000)
