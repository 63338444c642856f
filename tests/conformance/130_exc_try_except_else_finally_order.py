# Execution order of try / except / else / finally.
def run(fail):
    print('-- fail =', fail)
    try:
        print('try body')
        if fail:
            raise ValueError('bad')
        print('try end')
    except ValueError as e:
        print('except', e)
    else:
        print('else')
    finally:
        print('finally')
    print('after')
run(False)
run(True)
def only_finally():
    try:
        print('in try')
    finally:
        print('in finally')
only_finally()
try:
    try:
        raise KeyError('inner')
    finally:
        print('inner finally runs before outer except')
except KeyError as e:
    print('outer caught', e)
