"""typing, for scripts that annotate: the names exist and can be subscripted, nothing is
checked (as in CPython at run time). `Generic[T]` as a base is `object`; `Protocol` is a
plain base class.
"""

TYPE_CHECKING = False


class _Special:
    def __init__(self, name):
        self._name = name

    def __getitem__(self, parameters):
        return self

    def __call__(self, *args, **kwargs):
        raise TypeError("Cannot instantiate typing.%s" % self._name)

    def __repr__(self):
        return "typing." + self._name


class _GenericBase(_Special):
    def __getitem__(self, parameters):
        return object


Any = _Special("Any")
Union = _Special("Union")
Optional = _Special("Optional")
List = _Special("List")
Dict = _Special("Dict")
Tuple = _Special("Tuple")
Set = _Special("Set")
FrozenSet = _Special("FrozenSet")
Callable = _Special("Callable")
Iterable = _Special("Iterable")
Iterator = _Special("Iterator")
Generator = _Special("Generator")
Sequence = _Special("Sequence")
MutableSequence = _Special("MutableSequence")
Mapping = _Special("Mapping")
MutableMapping = _Special("MutableMapping")
Type = _Special("Type")
ClassVar = _Special("ClassVar")
Final = _Special("Final")
Literal = _Special("Literal")
NoReturn = _Special("NoReturn")
Generic = _GenericBase("Generic")


class Protocol:
    pass


def TypeVar(name, *constraints, bound=None, covariant=False, contravariant=False):
    return _Special(name)


def cast(typ, value):
    return value


def overload(function):
    return function


def final(thing):
    return thing


def no_type_check(thing):
    return thing
