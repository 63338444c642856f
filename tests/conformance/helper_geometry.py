# Helper module for import tests (not a test itself).
UNIT = 'cm'
def area(w, h):
    return w * h
def perimeter(w, h):
    return 2 * (w + h)
class Rect:
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return area(self.w, self.h)
    def __repr__(self):
        return f'Rect({self.w}x{self.h}{UNIT})'
if __name__ == '__main__':
    print('helper_geometry run directly')
