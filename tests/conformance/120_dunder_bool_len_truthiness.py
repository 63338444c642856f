# __bool__ and __len__ decide truthiness.
class Flag:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print('bool called')
        return self.v
class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
class Both:
    def __bool__(self):
        return False
    def __len__(self):
        return 10
print(bool(Flag(True)), bool(Flag(False)))
if Flag(False) or Flag(True):
    print('or works')
print(bool(Sized(0)), bool(Sized(3)), not Sized(0))
print(bool(Both()), len(Both()))
class Plain:
    pass
print(bool(Plain()))
print('yes' if Sized(2) else 'no', [x for x in [Sized(0), Sized(1)] if x].__len__())
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print('TypeError:', e)
