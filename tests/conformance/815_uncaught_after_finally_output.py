# finally blocks run and print before the exception reaches the top.
def inner():
    try:
        print('inner work')
        raise RuntimeError('engine stalled')
    finally:
        print('inner cleanup')
def outer():
    try:
        inner()
    finally:
        print('outer cleanup')
outer()
