# Functions see every change to the globals and builtins they read, whenever it happens.
x = 1

def read_x():
    return x

def uses_len(s):
    return len(s)

print(read_x(), uses_len("abc"))
x = 2
print(read_x())

def set_x(v):
    global x
    x = v

def drop_x():
    global x
    del x

set_x(5)
print(read_x())
len = lambda s: 99
print(uses_len("abc"))
del len
print(uses_len("abcd"))

def shadow_len():
    global len
    len = lambda s: -1

shadow_len()
print(uses_len("ab"))
del len
print(uses_len("ab"))
drop_x()
try:
    read_x()
except NameError as e:
    print("NameError:", e)
for i in range(3):
    set_x(i * 10)
    print(read_x())
filler0 = filler1 = filler2 = filler3 = filler4 = filler5 = filler6 = filler7 = 0
filler8 = filler9 = filler10 = filler11 = filler12 = filler13 = filler14 = 1
print(read_x(), uses_len([1]))
drop_x()
set_x("back")
print(read_x())
