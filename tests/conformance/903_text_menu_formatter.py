# Real world: formatting a boxed text menu with columns and a selection marker.
def box(title, rows, width=34, selected=0):
    lines = ['+' + '-' * (width - 2) + '+']
    lines.append('|' + title.center(width - 2) + '|')
    lines.append('+' + '=' * (width - 2) + '+')
    for i, (label, value) in enumerate(rows):
        marker = '>' if i == selected else ' '
        left = f'{marker} {i + 1}. {label}'
        right = str(value)
        pad = width - 4 - len(left) - len(right)
        if pad < 1:
            left = left[:width - 8 - len(right)] + '...'
            pad = width - 4 - len(left) - len(right)
        lines.append('| ' + left + '.' * pad + right + ' |')
    lines.append('+' + '-' * (width - 2) + '+')
    return '\n'.join(lines)
rows = [('New Game', ''), ('Continue', 'Slot 2'), ('Options', 'Volume 7/10'),
        ('A very long menu entry name here', 'X'), ('Quit', '')]
print(box('MAIN MENU', rows, selected=1))
print(box('SHOP', [(n, f'{p:,}g') for n, p in [('Potion', 50), ('Castle', 1250000)]], 30, 0))
def columns(words, ncols, colw):
    out = []
    for i in range(0, len(words), ncols):
        out.append(''.join(w.ljust(colw) for w in words[i:i + ncols]).rstrip())
    return '\n'.join(out)
print(columns(['sword', 'bow', 'axe', 'staff', 'dagger', 'mace', 'spear'], 3, 8))
