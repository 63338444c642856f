# A context manager that does not suppress: the exception propagates.
class Scene:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print('enter', self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print('exit', self.name, exc_type.__name__)
        return False
with Scene('menu'):
    options = ['play', 'quit']
    print(options[0])
    print(options[1].capitalize() + 1)
