# The cost of gc.collect() over heaps of 10k, 100k and 1M container objects.
# Run with both engines and compare (README, "Cycle detector"):
#   mote-sim run benchmarks/gc/collect_cost.py --heap 67108864
#   python3 benchmarks/gc/collect_cost.py
# "live": N small lists, all reachable (a collection that finds nothing);
# "garbage": N/2 pairs of lists holding each other (a collection that frees them all).
# Each figure is the median of 5 collections. Automatic collection is off (CPython
# would otherwise collect the garbage while it is made; mote never collects by itself).
import gc
import time

def median_collect(make):
    times = []
    for _ in range(5):
        held = make()
        start = time.perf_counter()
        gc.collect()
        times.append(time.perf_counter() - start)
        del held
        gc.collect()
    times.sort()
    return times[2]

def live(n):
    # Filled in place: a list grown item by item would need its old and new tables at
    # once, which a 64 MiB script heap holding a million lists cannot always place.
    objs = [None] * n
    for i in range(n):
        objs[i] = [i]
    return objs

def garbage(n):
    for i in range(n // 2):
        a = [i]
        b = [a]
        a.append(b)
    return None

gc.disable()
gc.collect()
for n in (10000, 100000, 1000000):
    for name, make in (("live", live), ("garbage", garbage)):
        t = median_collect(lambda: make(n))
        print(f"{name:8} {n:>8} containers: {t * 1000:8.2f} ms  {t / n * 1e9:6.1f} ns/object")
