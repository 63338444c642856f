# float(), str() and bool() constructors.
print(float(), float(5), float('3.5'), float(' -2e-3 '), float('inf'), float('-Infinity'))
print(float('1_000.5'), float('.5'), float('5.'), float(True))
print(str(), str(5), str(-2.50), str(None), str(True), str([1, '2']), str((1,)), str({'a': [1]}))
print(str('same'), str(1e100), str(0.1 + 0.2), str(str))
print(bool(), bool(0), bool(1), bool(''), bool('0'), bool([]), bool([[]]), bool(0.0), bool(None))
print(repr(str(3.0)), repr(str(-0.0)), str(10 ** 15), str(2 ** 0.5))
