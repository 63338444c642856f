# A property assigned to a class after it was made still guards stores, in subclasses too.
class P:
    def __init__(self):
        self.a = 1
def get_b(self):
    return self._b * 2
def set_b(self, v):
    self._b = v
P.b = property(get_b, set_b)
p = P()
p.b = 5
print(p.b, p._b, sorted(vars(p)))
class Q(P):
    pass
q = Q()
q.b = 7
print(q.b)
