# sys.exc_info() inside and after an except block.
import sys
print(sys.exc_info())
try:
    raise ValueError('inside')
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb is not None, type(tb).__name__)
print(sys.exc_info())
print(sys.exc_info() == (None, None, None))
def handler():
    try:
        {}['k']
    except KeyError as e:
        return sys.exc_info()[1] is e
print(handler(), sys.exc_info()[0])
try:
    try:
        raise TypeError('outer')
    except TypeError:
        try:
            raise IndexError('inner')
        except IndexError:
            print('nested:', sys.exc_info()[0].__name__)
        print('back to:', sys.exc_info()[0].__name__)
    print('after all:', sys.exc_info()[0])
finally:
    print('finally:', sys.exc_info()[0])
