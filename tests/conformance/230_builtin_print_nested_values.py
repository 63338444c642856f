# print/str/repr of nested containers holding floats, strings and None.
data = {'pos': [1.0, -2.5, 0.1 + 0.2], 'name': "O'Neil", 'tags': ('a',), 'none': None,
        'empty': [[], {}, ()], 'big': 1e21, 'small': 1e-7, 'neg0': -0.0}
print(data)
print(list(data.values()))
print(str(data) == repr(data))
print([1, 2.0, '3', [4.5, ['6']]], ([],), [()], {(): []})
print(str([None, True, False]), [float('inf'), float('-inf')])
print('{}'.format([0.5, 'x']), f'{[0.25]}', '%s' % [1e16])
