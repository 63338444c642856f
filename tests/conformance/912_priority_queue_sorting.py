# Real world: a priority queue for AI jobs kept sorted with bisection by hand.
class PriorityQueue:
    def __init__(self):
        self.items = []
        self.counter = 0
    def push(self, priority, job):
        self.counter += 1
        entry = (priority, self.counter, job)
        lo, hi = 0, len(self.items)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.items[mid] < entry:
                lo = mid + 1
            else:
                hi = mid
        self.items.insert(lo, entry)
    def pop(self):
        if not self.items:
            raise IndexError('pop from empty queue')
        return self.items.pop(0)[2]
    def __len__(self):
        return len(self.items)
    def __bool__(self):
        return bool(self.items)
pq = PriorityQueue()
jobs = [(3, 'pathfind goblin'), (1, 'react to damage'), (2, 'update animation'),
        (1, 'play hurt sound'), (5, 'idle chatter'), (2, 'aim bow')]
for p, j in jobs:
    pq.push(p, j)
print(len(pq))
frame = 0
while pq:
    frame += 1
    batch = [pq.pop() for _ in range(min(2, len(pq)))]
    print(f'frame {frame}: {batch}')
    if frame == 1:
        pq.push(0, 'urgent: dodge')
try:
    pq.pop()
except IndexError as e:
    print('IndexError:', e)
tasks = sorted(jobs, key=lambda t: (t[0], t[1]))
print([t[1] for t in tasks][:3])
