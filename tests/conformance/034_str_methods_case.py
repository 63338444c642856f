# upper, lower, title, capitalize, swapcase, casefold.
s = 'hello World of gAMES'
print(s.upper())
print(s.lower())
print(s.title())
print(s.capitalize())
print(s.swapcase())
print("they're bill's friends".title())
print('hello-world foo_bar 2nd'.title())
print('ÉCOLE'.lower(), 'ß'.upper(), 'Straße'.casefold())
print('ABC'.isupper(), 'abc'.islower(), 'Title Case'.istitle(), 'aBc'.isupper())
print('123'.upper(), ''.capitalize(), 'x'.capitalize())
