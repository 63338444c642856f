# Counting and grouping with plain dicts.
text = 'the quick brown fox jumps over the lazy dog the end'
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print(top)
by_len = {}
for w in sorted(set(text.split())):
    by_len.setdefault(len(w), []).append(w)
print(dict(sorted(by_len.items())))
letters = {}
for ch in text.replace(' ', ''):
    letters[ch] = letters.get(ch, 0) + 1
print(sorted(letters.items(), key=lambda kv: -kv[1])[:4])
inverted = {}
for k, v in {'a': 1, 'b': 2, 'c': 1}.items():
    inverted.setdefault(v, []).append(k)
print(inverted)
nested = {'hero': {'hp': 10, 'inv': {'gold': 5}}}
nested['hero']['inv']['gold'] += 7
print(nested, nested['hero']['inv'].get('gems', 0))
