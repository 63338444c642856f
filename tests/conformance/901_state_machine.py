# Real world: an enemy AI state machine driven by events.
TRANSITIONS = {
    ('idle', 'see_player'): 'chase',
    ('chase', 'lose_player'): 'search',
    ('chase', 'in_range'): 'attack',
    ('attack', 'out_of_range'): 'chase',
    ('attack', 'low_hp'): 'flee',
    ('search', 'see_player'): 'chase',
    ('search', 'timeout'): 'idle',
    ('flee', 'safe'): 'idle',
}
class Enemy:
    def __init__(self):
        self.state = 'idle'
        self.history = [self.state]
        self.on_enter = {'attack': self.draw_weapon, 'flee': self.scream}
    def draw_weapon(self):
        print('  * draws weapon')
    def scream(self):
        print('  * screams')
    def handle(self, event):
        nxt = TRANSITIONS.get((self.state, event))
        if nxt is None:
            print(f'{self.state:>7} ignores {event}')
            return
        print(f'{self.state:>7} --{event}--> {nxt}')
        self.state = nxt
        self.history.append(nxt)
        action = self.on_enter.get(nxt)
        if action:
            action()
e = Enemy()
for ev in ['timeout', 'see_player', 'in_range', 'out_of_range', 'lose_player',
           'see_player', 'in_range', 'low_hp', 'see_player', 'safe']:
    e.handle(ev)
print(' > '.join(e.history))
counts = {}
for s in e.history:
    counts[s] = counts.get(s, 0) + 1
print(sorted(counts.items()))
