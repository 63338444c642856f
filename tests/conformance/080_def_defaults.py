# Default parameter values.
def greet(name, greeting='Hello', punct='!'):
    return greeting + ', ' + name + punct
print(greet('Ann'))
print(greet('Bob', 'Hi'))
print(greet('Cy', punct='?'))
print(greet(greeting='Yo', name='Di'))
def append_to(x, lst=[]):
    lst.append(x)
    return lst
print(append_to(1), append_to(2))
def append_safe(x, lst=None):
    if lst is None:
        lst = []
    lst.append(x)
    return lst
print(append_safe(1), append_safe(2))
K = 10
def uses_default(v=K):
    return v
K = 20
print(uses_default())
print(greet.__defaults__, greet.__name__)
