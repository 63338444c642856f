# Real world: an inventory with stacking, weight limits and a sorted listing.
class Item:
    def __init__(self, name, weight, value, stack=1):
        self.name, self.weight, self.value, self.stack = name, weight, value, stack
    def __repr__(self):
        return f'Item({self.name!r})'
class InventoryFull(Exception):
    pass
class Inventory:
    def __init__(self, max_weight):
        self.max_weight = max_weight
        self.slots = {}
    def weight(self):
        return sum(item.weight * n for item, n in self.slots.values())
    def add(self, item, n=1):
        if self.weight() + item.weight * n > self.max_weight:
            raise InventoryFull(f'cannot carry {n} x {item.name}')
        entry = self.slots.get(item.name)
        if entry is None:
            self.slots[item.name] = [item, n]
        else:
            entry[1] += n
    def remove(self, name, n=1):
        entry = self.slots[name]
        if entry[1] < n:
            raise ValueError(f'only {entry[1]} {name}')
        entry[1] -= n
        if entry[1] == 0:
            del self.slots[name]
    def listing(self):
        rows = sorted(self.slots.values(), key=lambda e: (-e[0].value * e[1], e[0].name))
        return [f'{it.name:<10}x{n:<3}{it.weight * n:>6.1f}kg{it.value * n:>6}g' for it, n in rows]
potion = Item('potion', 0.5, 25)
sword = Item('sword', 6.0, 150)
arrow = Item('arrow', 0.1, 2)
inv = Inventory(20)
inv.add(potion, 3)
inv.add(sword)
inv.add(arrow, 40)
inv.add(potion, 2)
for line in inv.listing():
    print(line)
print('total weight', round(inv.weight(), 2))
try:
    inv.add(Item('anvil', 50, 10))
except InventoryFull as e:
    print('InventoryFull:', e)
inv.remove('arrow', 40)
try:
    inv.remove('potion', 9)
except ValueError as e:
    print('ValueError:', e)
print(sorted(inv.slots), inv.slots['potion'][1])
