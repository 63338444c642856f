# Importing a script module from the same folder.
import helper_geometry
print(helper_geometry.__name__, helper_geometry.UNIT)
print(helper_geometry.area(3, 4), helper_geometry.perimeter(3, 4))
r = helper_geometry.Rect(2, 5)
print(r, r.area())
import helper_geometry as geo
print(geo is helper_geometry, geo.area(2, 2))
from helper_geometry import area, Rect as R, UNIT
print(area(5, 5), R(1, 1), UNIT)
print(__name__)
