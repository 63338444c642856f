# Uncaught ValueError from int('x').
inputs = ['12', '7', 'x']
for s in inputs:
    n = int(s)
    print('parsed', n)
