# chr, ord, hex, oct, bin.
print(ord('a'), ord('Z'), ord('0'), ord(' '), ord('\n'), ord('é'), ord('€'))
print(chr(97), chr(90), chr(48), repr(chr(10)), chr(233), chr(8364), chr(0x1F600))
print(''.join(chr(ord('a') + i) for i in range(26)))
print([ord(c) - ord('a') for c in 'hello'])
print(hex(0), hex(255), hex(-255), hex(4096), hex(9223372036854775807))
print(oct(0), oct(8), oct(-8), oct(511))
print(bin(0), bin(5), bin(-5), bin(255), bin(1 << 40))
print(hex(255)[2:].zfill(4), bin(5)[2:].rjust(8, '0'), int(bin(42), 0))
def caesar(s, k):
    out = []
    for ch in s:
        if ch.isalpha():
            base = ord('A') if ch.isupper() else ord('a')
            out.append(chr((ord(ch) - base + k) % 26 + base))
        else:
            out.append(ch)
    return ''.join(out)
print(caesar('Hello, World!', 3), caesar(caesar('Hello, World!', 3), -3))
try:
    ord('ab')
except TypeError as e:
    print('TypeError:', e)
try:
    ord('')
except TypeError as e:
    print('TypeError:', e)
