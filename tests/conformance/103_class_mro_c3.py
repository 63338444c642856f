# Multiple inheritance and C3 method resolution order.
class A:
    def who(self):
        return 'A'
class B(A):
    def who(self):
        return 'B'
class C(A):
    def who(self):
        return 'C'
class D(B, C):
    pass
print([c.__name__ for c in D.__mro__], D().who())
class O: pass
class F(O): pass
class E(O): pass
class Dd(O): pass
class Cc(Dd, F): pass
class Bb(Dd, E): pass
class Aa(Bb, Cc, E): pass
print([c.__name__ for c in Aa.__mro__])
print([c.__name__ for c in Aa.mro()])
class X: pass
class Y: pass
class Z(X, Y): pass
print([c.__name__ for c in Z.__mro__])
try:
    class Bad(A, B):
        pass
except TypeError:
    print('TypeError: no consistent MRO')
