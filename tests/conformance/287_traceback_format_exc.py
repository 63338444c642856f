# traceback.format_exc(): check only the last line.
import traceback
def last():
    return traceback.format_exc().strip().splitlines()[-1]
try:
    1 / 0
except ZeroDivisionError:
    print(last())
try:
    {}['missing']
except KeyError:
    print(last())
class GameError(Exception):
    pass
def deep(n):
    if n == 0:
        raise GameError('deep failure')
    deep(n - 1)
try:
    deep(2)
except GameError:
    print(last())
    text = traceback.format_exc()
    print(text.startswith('Traceback (most recent call last):'), text.count('in deep'))
try:
    raise ValueError
except ValueError:
    print(last())
try:
    try:
        int('x')
    except ValueError as e:
        raise RuntimeError('wrapped') from e
except RuntimeError:
    print(last())
