# inf, -inf, nan and negative zero.
inf = float('inf')
nan = float('nan')
print(inf, -inf, nan, float('-inf'), float('Infinity'), float('NaN'))
print(inf > 1e308, -inf < -1e308, inf == inf, inf - inf)
print(nan == nan, nan != nan, nan < 1, nan > 1)
print(inf + 1, inf * -1, 1 / inf, -1 / inf)
print(0.0 == -0.0, repr(-0.0), str(-0.0 + 0.0))
print(inf * 0)
x = nan
print(x != x, [x] == [x])
print(max(1.0, inf), min(-inf, 0.0))
print(float('  -12.5e2 '), float('+.5'))
print(abs(-0.0), -0.0 * 5, 0.0 * -5)
