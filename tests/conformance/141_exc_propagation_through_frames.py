# Exceptions unwind through several frames, running finally blocks.
def level3(x):
    try:
        print('level3 start')
        return 10 // x
    finally:
        print('level3 finally')
def level2(x):
    try:
        return level3(x) + 1
    finally:
        print('level2 finally')
def level1(x):
    try:
        return level2(x) * 2
    except ZeroDivisionError as e:
        print('level1 caught:', e)
        return -1
print(level1(5))
print(level1(0))
class Widget:
    def __init__(self, size):
        if size < 0:
            raise ValueError(f'bad size {size}')
        self.size = size
def build(sizes):
    made = []
    for s in sizes:
        try:
            made.append(Widget(s).size)
        except ValueError as e:
            made.append(str(e))
    return made
print(build([1, -2, 3]))
