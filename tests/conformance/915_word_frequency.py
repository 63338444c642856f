# Real world: word frequency of quest text, sorted output.
TEXT = """The dragon sleeps under the mountain. The knight rides to the mountain,
and the dragon wakes! Knight and dragon fight; the mountain shakes.
"Run," says the old man. The knight does not run."""
def words(text):
    cleaned = ''.join(ch.lower() if ch.isalpha() or ch == "'" else ' ' for ch in text)
    return cleaned.split()
freq = {}
for w in words(TEXT):
    freq[w] = freq.get(w, 0) + 1
ranked = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
for word, n in ranked[:6]:
    print(f'{word:<10}{n:>3} {"#" * n}')
print(len(freq), 'distinct,', sum(freq.values()), 'total')
once = sorted(w for w, n in freq.items() if n == 1)
print('hapax:', ', '.join(once))
by_first = {}
for w in sorted(freq):
    by_first.setdefault(w[0], []).append(w)
print({k: v for k, v in by_first.items() if len(v) > 1})
longest = max(freq, key=lambda w: (len(w), w))
print('longest:', longest, 'avg len: %.2f' % (sum(len(w) for w in words(TEXT)) / len(words(TEXT))))
