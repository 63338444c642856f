# isinstance and issubclass, including tuples of types.
class Animal: pass
class Dog(Animal): pass
class Robot: pass
d = Dog()
print(isinstance(d, Dog), isinstance(d, Animal), isinstance(d, Robot), isinstance(d, object))
print(isinstance(d, (Robot, Animal)), isinstance(d, (Robot, int)), isinstance(d, ()))
print(isinstance(5, int), isinstance(5.0, int), isinstance(5, (int, float)), isinstance(True, int))
print(isinstance('s', str), isinstance([], list), isinstance((), tuple), isinstance({}, dict))
print(isinstance(None, type(None)), isinstance(int, type), isinstance(len, object))
print(issubclass(Dog, Animal), issubclass(Animal, Dog), issubclass(Dog, (Robot, Animal)))
print(issubclass(bool, int), issubclass(int, float), issubclass(Dog, object), issubclass(int, int))
print(isinstance(d, (Robot, (int, Dog))))
try:
    isinstance(d, 'Dog')
except TypeError as e:
    print('TypeError:', e)
try:
    issubclass(d, Dog)
except TypeError as e:
    print('TypeError:', e)
