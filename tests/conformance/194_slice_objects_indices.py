# slice objects and their indices() method.
s = slice(2, 10, 3)
print(s.start, s.stop, s.step, s)
print(s.indices(20), s.indices(5), slice(None).indices(4), slice(-3, None).indices(10))
print(slice(None, None, -1).indices(5), slice(10, -10, -2).indices(6))
data = list('abcdefghij')
print(data[s], ''.join(data[slice(None, None, -2)]))
cuts = [slice(0, 3), slice(3, 6), slice(6, None)]
print([''.join(data[c]) for c in cuts])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
text = 'ID001NAME-ANN---LV07'
fields = {'id': slice(2, 5), 'name': slice(9, 15), 'lv': slice(18, 20)}
print({k: text[v].strip('-') for k, v in fields.items()})
