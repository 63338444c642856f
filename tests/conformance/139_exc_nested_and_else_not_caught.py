# Exceptions raised in else/except/finally are not caught by the same try.
def demo():
    try:
        try:
            print('body ok')
        except ValueError:
            print('not reached')
        else:
            raise ValueError('raised in else')
    except ValueError as e:
        print('outer caught:', e)
demo()
try:
    try:
        raise TypeError('first')
    except TypeError:
        raise KeyError('from handler')
    except KeyError:
        print('sibling handler does not catch it')
except KeyError as e:
    print('outer caught:', repr(e), type(e.__context__).__name__)
try:
    try:
        pass
    finally:
        raise IndexError('from finally')
except IndexError as e:
    print('caught:', e)
for i in range(3):
    try:
        try:
            if i == 0:
                raise ValueError(i)
            if i == 1:
                raise TypeError(i)
        except ValueError as e:
            print('inner handled', e)
    except TypeError as e:
        print('outer handled', e)
    else:
        print('no error escaped for', i)
