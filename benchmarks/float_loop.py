# Float arithmetic in a loop: boxing, the float cache, operator dispatch.
def integrate(steps):
    total = 0.0
    dx = 1.0 / steps
    x = 0.0
    for i in range(steps):
        total += x * x * dx
        x += dx
    return total

print(round(integrate(3000000), 6))
