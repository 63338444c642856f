# Helper module for `from helper_star import *` (respects __all__).
__all__ = ['public_fn', 'PUBLIC_CONST']
PUBLIC_CONST = 42
def public_fn():
    return 'public'
def hidden_fn():
    return 'hidden but importable by name'
def _private_fn():
    return 'private'
