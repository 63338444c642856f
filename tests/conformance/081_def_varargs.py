# *args collects extra positional arguments.
def total(*nums):
    print(type(nums).__name__, nums)
    return sum(nums)
print(total())
print(total(1, 2, 3))
def head_tail(first, *rest):
    return first, rest
print(head_tail(1), head_tail(1, 2, 3))
def fmt(sep, *parts):
    return sep.join(str(p) for p in parts)
print(fmt('-', 1, 2, 3))
args = [4, 5, 6]
print(total(*args), total(0, *args, 7))
def mixed(a, b=2, *args):
    return a, b, args
print(mixed(1), mixed(1, 3), mixed(1, 3, 5, 7))
