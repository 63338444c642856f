# global declarations.
counter = 0
def increment():
    global counter
    counter += 1
    return counter
for _ in range(3):
    increment()
print(counter)
def create():
    global created_later
    created_later = 'made inside function'
create()
print(created_later)
def read_only():
    return counter * 10
print(read_only())
x = 'module'
def shadow():
    x = 'local'
    return x
print(shadow(), x)
def broken():
    try:
        print(x)
        x = 1
    except UnboundLocalError as e:
        print('UnboundLocalError:', e)
broken()
print(isinstance(UnboundLocalError(), NameError))
