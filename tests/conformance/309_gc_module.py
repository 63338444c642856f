# The gc module: a true cycle (a bound method kept on its own instance, a parent and a
# child pointing at each other) is found by gc.collect(); the settings round-trip.
import gc

class Widget:
    def __init__(self, name):
        self.name = name
        self.on_click = self.clicked
    def clicked(self):
        return self.name + " clicked"

class Node:
    def __init__(self, parent=None):
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)

def build():
    w = Widget("ok")
    root = Node()
    Node(root)
    return w.on_click()

print(build())
print(gc.collect() > 0)
print(gc.collect())
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled(), gc.get_debug())
gc.set_debug(gc.DEBUG_STATS)
print(gc.get_debug() == gc.DEBUG_STATS)
gc.set_debug(0)
print(len(gc.get_count()), gc.DEBUG_LEAK == gc.DEBUG_COLLECTABLE | gc.DEBUG_UNCOLLECTABLE | gc.DEBUG_SAVEALL)
