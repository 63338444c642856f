# sorted, min, max on objects with __lt__, plus key functions.
class Unit:
    def __init__(self, name, speed):
        self.name, self.speed = name, speed
    def __lt__(self, other):
        return self.speed < other.speed
    def __repr__(self):
        return f'{self.name}:{self.speed}'
units = [Unit('knight', 3), Unit('scout', 7), Unit('golem', 1), Unit('archer', 3)]
print(sorted(units))
print(sorted(units, reverse=True))
print(min(units), max(units))
print(sorted(units, key=lambda u: u.name))
print(sorted(units, key=lambda u: (-u.speed, u.name)))
units.sort()
print(units)
