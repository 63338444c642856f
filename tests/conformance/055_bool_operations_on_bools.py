# Arithmetic and bitwise operations on bools.
print(True & False, True | False, True ^ True, ~True, -True)
print(type(True & False).__name__, type(True + 1).__name__)
print(str(True), repr(False), int(True), float(False))
flags = [True, False, True, True]
print(sum(flags), flags.count(True), any(flags), all(flags))
print(True > False, max(False, True), sorted([True, False, True]))
print(bool('0'), bool(0.0), bool(-0.0), bool(1e-300))
