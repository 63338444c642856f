# Uncaught NameError for an undefined name.
def compute():
    total = 0
    for i in range(3):
        total += i
    print('total', total)
    return total * undefined_multiplier_xyz
compute()
