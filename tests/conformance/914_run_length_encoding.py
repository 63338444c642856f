# Real world: run-length encoding of tile map rows, with round trip.
def rle_encode(s):
    if not s:
        return ''
    out = []
    prev, count = s[0], 1
    for ch in s[1:]:
        if ch == prev:
            count += 1
        else:
            out.append(f'{count}{prev}' if count > 1 else prev)
            prev, count = ch, 1
    out.append(f'{count}{prev}' if count > 1 else prev)
    return ''.join(out)
def rle_decode(s):
    out = []
    num = ''
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * int(num or '1'))
            num = ''
    return ''.join(out)
rows = ['WWWWWWWWWWWW', 'W....##....W', 'W.@..##..$.W', 'W..........W', 'WWWWWWWWWWWW', '', 'ab']
total_in = total_out = 0
for row in rows:
    enc = rle_encode(row)
    assert rle_decode(enc) == row, row
    total_in += len(row)
    total_out += len(enc)
    print(f'{row!r:16} -> {enc!r}')
print(f'{total_in} -> {total_out} chars ({total_out / total_in:.1%})')
def rle_pairs(seq):
    pairs = []
    for v in seq:
        if pairs and pairs[-1][0] == v:
            pairs[-1][1] += 1
        else:
            pairs.append([v, 1])
    return [tuple(p) for p in pairs]
print(rle_pairs([0, 0, 0, 5, 5, 0, 7, 7, 7, 7]))
