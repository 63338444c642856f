# Real world: a localization table with fallbacks, plurals and named placeholders.
STRINGS = {
    'en': {'greet': 'Hello, {name}!', 'items': {'one': 'You have {n} item.', 'other': 'You have {n} items.'},
           'gold': '{amount:,} gold', 'quit': 'Quit'},
    'de': {'greet': 'Hallo, {name}!', 'items': {'one': 'Du hast {n} Gegenstand.', 'other': 'Du hast {n} Gegenstände.'},
           'gold': '{amount:,} Gold'},
    'fr': {'greet': 'Bonjour, {name} !'},
}
class Missing(KeyError):
    pass
def tr(lang, key, **params):
    for code in (lang, 'en'):
        table = STRINGS.get(code, {})
        if key in table:
            entry = table[key]
            if isinstance(entry, dict):
                entry = entry['one' if params.get('n') == 1 else 'other']
            text = entry.format(**params)
            if code == 'de' and 'amount' in params:
                text = text.replace(',', '.')
            return text
    raise Missing(key)
for lang in ['en', 'de', 'fr', 'xx']:
    print(lang, '|', tr(lang, 'greet', name='Ann'), '|', tr(lang, 'items', n=1), '|',
          tr(lang, 'items', n=3), '|', tr(lang, 'gold', amount=1234567), '|', tr(lang, 'quit'))
try:
    tr('de', 'credits')
except Missing as e:
    print('Missing:', e, isinstance(e, KeyError))
try:
    tr('en', 'greet')
except KeyError as e:
    print('missing placeholder:', e)
widths = {lang: max(len(tr(lang, k, name='X', n=2, amount=10)) for k in ['greet', 'items', 'gold'])
          for lang in STRINGS}
print(widths)
