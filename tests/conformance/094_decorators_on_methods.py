# Decorators applied to methods and classes.
def logged(fn):
    def wrapper(self, *args):
        print(f'{type(self).__name__}.{fn.__name__}{args}')
        return fn(self, *args)
    return wrapper
class Door:
    def __init__(self):
        self.open = False
    @logged
    def toggle(self):
        self.open = not self.open
        return self.open
    @logged
    def knock(self, times):
        return 'knock ' * times
d = Door()
print(d.toggle(), d.toggle())
print(d.knock(2))
def add_greeting(cls):
    cls.greet = lambda self: 'hi from ' + type(self).__name__
    return cls
@add_greeting
class Npc:
    pass
print(Npc().greet())
