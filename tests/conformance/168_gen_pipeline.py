# Chaining generators into a pipeline.
def read_lines():
    data = """# config
speed = 10
name = hero

# blank above
lives = 3
bogus line
"""
    for line in data.splitlines():
        yield line
def strip_comments(lines):
    for line in lines:
        line = line.split('#', 1)[0].strip()
        if line:
            yield line
def parse(lines):
    for line in lines:
        if '=' not in line:
            print('skipping', repr(line))
            continue
        k, v = (p.strip() for p in line.split('=', 1))
        yield k, int(v) if v.isdigit() else v
config = dict(parse(strip_comments(read_lines())))
print(config)
def running_total(nums):
    total = 0
    for n in nums:
        total += n
        yield total
print(list(running_total(range(1, 6))))
def window(seq, n):
    buf = []
    for x in seq:
        buf.append(x)
        if len(buf) > n:
            buf.pop(0)
        if len(buf) == n:
            yield tuple(buf)
print(list(window('abcde', 3)))
