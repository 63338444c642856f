# Failing imports and from-import-star with __all__.
try:
    import helper_does_not_exist
except ImportError as e:
    print(type(e).__name__, '|', e, '|', e.name)
print(issubclass(ModuleNotFoundError, ImportError))
try:
    from helper_geometry import no_such_name
except ImportError as e:
    print(type(e).__name__)
from helper_star import *
print(public_fn(), PUBLIC_CONST)
try:
    _private_fn()
except NameError as e:
    print('NameError:', e)
try:
    hidden_fn()
except NameError as e:
    print('NameError:', e)
import helper_star
print(helper_star.hidden_fn(), helper_star._private_fn())
