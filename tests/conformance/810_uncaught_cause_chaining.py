# raise ... from ...: explicit cause chaining.
class SaveError(Exception):
    pass
def parse_slot(text):
    return int(text)
def load_save(text):
    try:
        return parse_slot(text)
    except ValueError as e:
        raise SaveError(f'corrupt save slot {text!r}') from e
print(load_save('3'))
load_save('three')
