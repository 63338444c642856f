# repr() of builtin values and type(x).__name__.
values = [1, -2.5, 'str', "q'uote", None, True, [1, 'a'], (1,), (), {'k': (1, 2)},
          range(3), 1e20, float('nan'), [[]], {'nested': {'x': None}}]
for v in values:
    print(repr(v), type(v).__name__)
print(type(type).__name__, type(object).__name__)
print(type(print) == type(len), type(int).__name__, type(3) == int)
print(repr([1.0, 2.50, -0.0]), repr((1.5,)), repr({1: 1.0}))
class K:
    pass
print(type(K()).__name__, type(K).__name__, K.__name__)
