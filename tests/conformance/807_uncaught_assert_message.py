# Uncaught AssertionError carrying a message.
def set_volume(v):
    assert 0 <= v <= 10, f'volume out of range: {v}'
    print('volume set to', v)
set_volume(3)
set_volume(11)
