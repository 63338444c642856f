# except Exception does not catch BaseException subclasses.
class Shutdown(BaseException):
    pass
def work():
    try:
        raise Shutdown('stop now')
    except Exception:
        print('not reached')
try:
    work()
except BaseException as e:
    print('caught at top:', type(e).__name__, e)
try:
    raise KeyboardInterrupt
except Exception:
    print('not reached')
except KeyboardInterrupt:
    print('KeyboardInterrupt caught explicitly')
try:
    raise SystemExit(3)
except SystemExit as e:
    print('SystemExit code', e.code)
try:
    raise 'not an exception'
except TypeError as e:
    print('TypeError:', e)
try:
    raise ValueError
except ValueError as e:
    print('raised class, got instance:', repr(e))
try:
    raise Exception('bare except catches all')
except:
    print('bare except')
