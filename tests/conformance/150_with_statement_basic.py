# with statement: enter value, exit on normal and exceptional exits.
class Tag:
    depth = 0
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print('  ' * Tag.depth + f'<{self.name}>')
        Tag.depth += 1
        return self.name.upper()
    def __exit__(self, *exc):
        Tag.depth -= 1
        print('  ' * Tag.depth + f'</{self.name}>')
with Tag('html'):
    with Tag('body') as b:
        print('    content in', b)
def early_return():
    with Tag('fn'):
        return 'returned'
print(early_return())
for i in range(3):
    with Tag(f'loop{i}'):
        if i == 1:
            continue
        if i == 2:
            break
        print('    body', i)
with Tag('a') as a, Tag('b') as b:
    print('    got', a, b)
