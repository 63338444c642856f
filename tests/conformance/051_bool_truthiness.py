# Truth values of builtin objects.
vals = [0, 1, -1, 0.0, 0.1, '', ' ', 'False', [], [0], (), (None,), {}, {0: 0},
        set(), {0}, None, True, False, range(0), range(1)]
for v in vals:
    print(repr(v), bool(v), 'yes' if v else 'no')
print(True == 1, False == 0, True is True, isinstance(True, int))
print(True + True + True, sum([True, False, True]))
print(bool(), bool(bool))
