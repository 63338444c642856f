# Bound methods are first-class values.
class Light:
    def __init__(self, name):
        self.name = name
        self.on = False
    def toggle(self):
        self.on = not self.on
        return f'{self.name} {"on" if self.on else "off"}'
lights = [Light('hall'), Light('lamp')]
actions = [l.toggle for l in lights]
print([a() for a in actions])
print([a() for a in actions])
t = lights[0].toggle
print(t.__self__.name, t.__name__, t())
unbound = Light.toggle
print(unbound(lights[1]))
callbacks = {'hall': lights[0].toggle}
print(callbacks['hall']())
print(list(map(Light.toggle, lights)))
