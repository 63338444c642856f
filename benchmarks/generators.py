# Generators: yield, resumption and iteration.
def numbers(n):
    for i in range(n):
        yield i


def evens(source):
    for x in source:
        if x % 2 == 0:
            yield x


def run(n):
    total = 0
    for x in evens(numbers(n)):
        total += x
    return total

print(run(2000000))
