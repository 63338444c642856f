"""typing, for scripts that annotate: the names exist and can be subscripted, nothing is
checked (as in CPython at run time). `Generic[T]` as a base is `object`; `Protocol` is a
plain base class. `class P(NamedTuple)` with annotated fields makes a named tuple class,
as collections.namedtuple does.

mote differences: a NamedTuple class keeps NamedTuple in its bases and MRO (CPython's
metaclass puts tuple there) and, like namedtuple, is not a tuple subclass.
"""

import collections

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


# What a NamedTuple class body may not define (CPython's list).
_PROHIBITED = ("__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults",
               "_make", "_replace", "_asdict", "_source")


class NamedTuple:
    """Base class of typed named tuples: the class body's annotations are the fields, in
    order, and an assigned value is the field's default."""

    def __init_subclass__(cls):
        if NamedTuple not in cls.__bases__:
            # A subclass of a named tuple class is an ordinary subclass, as in CPython.
            return
        for base in cls.__bases__:
            if base is not NamedTuple and base is not object:
                raise TypeError("can only inherit from a NamedTuple type and Generic")
        namespace = vars(cls)
        for name in namespace:
            if name in _PROHIBITED:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + name)
        fields = tuple(namespace.get("__annotations__", {}))
        default_names = []
        for name in fields:
            if name in namespace:
                default_names.append(name)
            elif default_names:
                raise TypeError("Non-default namedtuple field %s cannot follow default field%s %s"
                                % (name, "s" if len(default_names) > 1 else "", ", ".join(default_names)))
        defaults = tuple(namespace[name] for name in default_names)
        for name in default_names:
            delattr(cls, name)
        collections._fill_namedtuple(cls, fields, defaults, keep=tuple(namespace))
