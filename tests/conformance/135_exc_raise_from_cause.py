# raise ... from ... sets __cause__; implicit chaining sets __context__.
class ConfigError(Exception):
    pass
def load(cfg):
    try:
        return cfg['port']
    except KeyError as e:
        raise ConfigError('port missing') from e
try:
    load({})
except ConfigError as e:
    print(e, '| cause:', repr(e.__cause__), '| suppress:', e.__suppress_context__)
    print(type(e.__context__).__name__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError('while handling')
except ValueError as e:
    print(e, '| cause:', e.__cause__, '| context:', repr(e.__context__))
try:
    try:
        [][1]
    except IndexError:
        raise RuntimeError('hidden') from None
except RuntimeError as e:
    print(e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
try:
    raise ValueError('direct') from TypeError('root')
except ValueError as e:
    print(repr(e.__cause__), e.__context__)
