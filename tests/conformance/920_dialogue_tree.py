# Real world: walking a dialogue tree with conditions and variables.
DIALOGUE = {
    'start': ('Guard: Halt! Who goes there?', [
        ('I am a friend.', 'friend', None),
        ('Show gold', 'bribe', lambda s: s['gold'] >= 50),
        ('Attack!', 'fight', None)]),
    'friend': ('Guard: Password?', [
        ('Swordfish', 'pass', lambda s: 'password' in s['known']),
        ('Uh... cheese?', 'fail', None)]),
    'bribe': ('Guard: Well, that changes things.', [('Walk in', 'pass', None)]),
    'fight': ('Guard: To arms!', []),
    'fail': ('Guard: Begone!', []),
    'pass': ('Guard: You may enter.', []),
}
def run(state, choices):
    node = 'start'
    path = [node]
    for pick in choices:
        text, options = DIALOGUE[node]
        available = [o for o in options if o[2] is None or o[2](state)]
        print(text)
        for i, (label, _, _) in enumerate(available, 1):
            print(f'   {i}) {label}')
        if not available:
            break
        label, node, _ = available[min(pick, len(available)) - 1]
        print(f' > {label}')
        if node == 'bribe':
            state['gold'] -= 50
        path.append(node)
    print(DIALOGUE[node][0])
    return path
print(run({'gold': 10, 'known': set()}, [1, 1]))
print('---')
state = {'gold': 80, 'known': {'password'}}
print(run(state, [2, 1]), state['gold'])
print('---')
print(run({'gold': 0, 'known': {'password'}}, [1, 1]))
