# Uncaught exception through several method frames.
class Inventory:
    def __init__(self):
        self.items = {'potion': 1}
    def take(self, name):
        count = self.items[name]
        self.items[name] = count - 1
        return name
class Hero:
    def __init__(self):
        self.inv = Inventory()
    def use(self, name):
        item = self.inv.take(name)
        print('used', item)
hero = Hero()
hero.use('potion')
hero.use('elixir')
