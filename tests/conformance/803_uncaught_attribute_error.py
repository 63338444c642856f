# Uncaught AttributeError on a user object.
class Player:
    def __init__(self):
        self.hp = 10
        self.level = 2
p = Player()
print('hp', p.hp, 'level', p.level)
print(p.inventory)
