# Class attributes versus instance attributes.
class Counter:
    total = 0
    shared = []
    def __init__(self):
        Counter.total += 1
        self.id = Counter.total
a = Counter()
b = Counter()
print(Counter.total, a.total, b.id)
a.total = 99
print(a.total, b.total, Counter.total)
del a.total
print(a.total)
a.shared.append('x')
print(b.shared, Counter.shared)
b.shared = ['own']
print(a.shared, b.shared)
Counter.total = 50
print(a.total, b.total)
print('total' in vars(Counter), 'id' in vars(a))
class Config:
    WIDTH = 640
    HEIGHT = WIDTH * 3 // 4
    AREA = WIDTH * HEIGHT
print(Config.WIDTH, Config.HEIGHT, Config.AREA)
