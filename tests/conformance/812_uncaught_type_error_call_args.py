# Uncaught TypeError for a missing argument.
def spawn(kind, x, y):
    return f'{kind}@{x},{y}'
print(spawn('orc', 1, 2))
print(spawn('orc', 1))
