# An exception raised inside an except block: implicit context chaining.
def load_level(name):
    levels = {'intro': 1}
    try:
        return levels[name]
    except KeyError:
        print('level missing, trying fallback')
        return int(name)
print(load_level('intro'))
load_level('boss')
