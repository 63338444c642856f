# Runaway recursion raises RecursionError, which can be caught.
def runaway(n):
    return runaway(n + 1)
try:
    runaway(0)
except RecursionError as e:
    print(type(e).__name__)
print(issubclass(RecursionError, RuntimeError))
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
print(deep(500))
try:
    runaway(0)
except RuntimeError as e:
    print('caught as', type(e).__name__)
class Node:
    def __init__(self):
        self.me = self
    def walk(self):
        return self.me.walk()
try:
    Node().walk()
except RecursionError:
    print('method recursion caught')
print(deep(300))
