# Nested dicts and lists as game data.
world = {
    'rooms': {
        'hall': {'exits': {'n': 'armory', 'e': 'kitchen'}, 'items': ['torch']},
        'armory': {'exits': {'s': 'hall'}, 'items': ['sword', 'shield']},
        'kitchen': {'exits': {'w': 'hall'}, 'items': []},
    },
    'start': 'hall',
}
room = world['start']
for move in ['n', 's', 'e', 'x', 'w']:
    exits = world['rooms'][room]['exits']
    if move in exits:
        room = exits[move]
        print('moved', move, 'to', room, world['rooms'][room]['items'])
    else:
        print('cannot go', move, 'from', room)
total = sum(len(r['items']) for r in world['rooms'].values())
print('items in world:', total)
print(sorted(world['rooms'], key=lambda n: -len(world['rooms'][n]['items'])))
print(world['rooms'].get('cellar', {}).get('items', 'no cellar'))
world['rooms']['kitchen']['items'].append('bread')
print({name: r['items'] for name, r in world['rooms'].items()})
