# raise ... from None hides the original exception.
CONFIG = {'width': '640'}
def setting(name):
    try:
        return CONFIG[name]
    except KeyError:
        raise LookupError(f'no setting named {name!r}') from None
print(setting('width'))
print(setting('height'))
