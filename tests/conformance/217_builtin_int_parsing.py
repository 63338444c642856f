# int() parsing with bases, whitespace, underscores and errors.
print(int('42'), int('  -17  '), int('+3'), int('\t\n 9 \n'), int('1_000'))
print(int('ff', 16), int('FF', 16), int('0xff', 16), int('0xff', 0), int('0o17', 0), int('0b101', 0))
print(int('101', 2), int('777', 8), int('z', 36), int('Zz', 36), int('10', 3))
print(int(3.99), int(-3.99), int(True), int(), int('0' * 5), int('-0'))
print(int('9223372036854775807'), int('-9223372036854775807'))
bad = ['', ' ', '1.0', '1e3', '12a', '0x10', '1__0', '_1', '+-1', 'ten']
for s in bad:
    try:
        int(s)
    except ValueError as e:
        print('ValueError:', e)
for s, b in [('12', 2), ('g', 16), ('08', 0), ('0b2', 0)]:
    try:
        int(s, b)
    except ValueError as e:
        print('ValueError:', e)
for v in [None, [1]]:
    try:
        int(v)
    except TypeError as e:
        print('TypeError:', e)
