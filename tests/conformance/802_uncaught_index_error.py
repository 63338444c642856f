# Uncaught IndexError from a list index.
waypoints = [(0, 0), (5, 2), (9, 9)]
def waypoint(i):
    return waypoints[i]
for i in range(4):
    print('going to', waypoint(i))
