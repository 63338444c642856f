# Helper module: module-level state and a print at import time.
print('helper_counter body runs')
count = 0
def bump():
    global count
    count += 1
    return count
