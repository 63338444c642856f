# Containers use repr() of their elements; str() of containers too.
class Item:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f'Item<{self.name}>'
    def __str__(self):
        return self.name
items = [Item('sword'), Item('shield')]
print(items)
print(str(items), ', '.join(map(str, items)), ', '.join(str(i) for i in items))
print({'main': items[0]}, (items[1],), {items[0].name: items[1]})
print(f'{items[0]} vs {items[0]!r}', '%s/%r' % (items[1], items[1]))
inv = {i.name: i for i in items}
print(inv)
print([[Item('nested')]], repr([Item("q'uote")]))
