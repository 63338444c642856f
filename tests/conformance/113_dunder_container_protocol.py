# __len__, __getitem__, __setitem__, __delitem__, __contains__.
class Inventory:
    def __init__(self):
        self.slots = {}
    def __len__(self):
        return len(self.slots)
    def __getitem__(self, key):
        return self.slots[key]
    def __setitem__(self, key, value):
        print('set', key, value)
        self.slots[key] = value
    def __delitem__(self, key):
        print('del', key)
        del self.slots[key]
    def __contains__(self, key):
        return key in self.slots
inv = Inventory()
inv['sword'] = 1
inv['potion'] = 3
inv['potion'] += 2
print(len(inv), inv['potion'], 'sword' in inv, 'bow' in inv, 'bow' not in inv)
del inv['sword']
print(len(inv), bool(inv))
try:
    inv['bow']
except KeyError as e:
    print('KeyError:', e)
del inv['potion']
print(len(inv), bool(inv))
