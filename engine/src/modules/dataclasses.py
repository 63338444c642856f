"""dataclasses, written in the language itself: @dataclass (init, repr, eq, order,
frozen), field, fields, asdict, astuple, replace.

mote differences: the generated methods are closures rather than code made by exec, and
an annotation written `list[int]` is recorded as `list`.
"""

__all__ = ["dataclass", "field", "fields", "asdict", "astuple", "replace", "FrozenInstanceError", "MISSING"]


class _MissingType:
    def __repr__(self):
        return "MISSING"


MISSING = _MissingType()


class FrozenInstanceError(AttributeError):
    pass


class Field:
    def __init__(self, default, default_factory, init, repr, compare):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.compare = compare

    def __repr__(self):
        return "Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,compare=%r)" % (
            self.name, self.type, self.default, self.default_factory, self.init, self.repr, self.compare)


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, compare=True):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, compare)


def _collect_fields(cls):
    collected = {}
    for base in reversed(cls.__mro__[1:]):
        for f in getattr(base, "__dataclass_fields__", {}).values():
            collected[f.name] = f
    own = vars(cls)
    for name, kind in own.get("__annotations__", {}).items():
        value = own.get(name, MISSING)
        if isinstance(value, Field):
            f = value
        else:
            f = Field(value, MISSING, True, True, True)
        f.name = name
        f.type = kind
        if f.default_factory is MISSING and isinstance(f.default, (list, dict, set)):
            raise ValueError("mutable default %s for field %s is not allowed: use default_factory"
                             % (type(f.default), name))
        collected[name] = f
        if isinstance(value, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
    return list(collected.values())


def _make_init(cls, all_fields, frozen):
    init_fields = [f for f in all_fields if f.init]
    seen_default = False
    for f in init_fields:
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError("non-default argument '%s' follows default argument" % f.name)
    name = cls.__name__

    def __init__(self, *args, **kwargs):
        if len(args) > len(init_fields):
            raise TypeError("%s.__init__() takes %d positional arguments but %d were given"
                            % (name, len(init_fields) + 1, len(args) + 1))
        for i, f in enumerate(init_fields):
            if i < len(args):
                if f.name in kwargs:
                    raise TypeError("%s.__init__() got multiple values for argument '%s'" % (name, f.name))
                value = args[i]
            elif f.name in kwargs:
                value = kwargs.pop(f.name)
            elif f.default is not MISSING:
                value = f.default
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            else:
                raise TypeError("%s.__init__() missing 1 required positional argument: '%s'" % (name, f.name))
            object.__setattr__(self, f.name, value)
        for key in kwargs:
            raise TypeError("%s.__init__() got an unexpected keyword argument '%s'" % (name, key))
        for f in all_fields:
            if not f.init:
                if f.default is not MISSING:
                    object.__setattr__(self, f.name, f.default)
                elif f.default_factory is not MISSING:
                    object.__setattr__(self, f.name, f.default_factory())
        post_init = getattr(self, "__post_init__", None)
        if post_init is not None:
            post_init()

    return __init__


def _values(obj, all_fields):
    return tuple(getattr(obj, f.name) for f in all_fields if f.compare)


def _process(cls, init, repr, eq, order, frozen):
    all_fields = _collect_fields(cls)
    cls.__dataclass_fields__ = {f.name: f for f in all_fields}
    own = vars(cls)
    if init and "__init__" not in own:
        cls.__init__ = _make_init(cls, all_fields, frozen)
    if repr and "__repr__" not in own:
        def __repr__(self):
            shown = ", ".join("%s=%r" % (f.name, getattr(self, f.name)) for f in all_fields if f.repr)
            return "%s(%s)" % (type(self).__name__, shown)
        cls.__repr__ = __repr__
    if eq and "__eq__" not in own:
        def __eq__(self, other):
            if other.__class__ is not self.__class__:
                return NotImplemented
            return _values(self, all_fields) == _values(other, all_fields)
        cls.__eq__ = __eq__
    if order:
        def compare(test):
            def method(self, other):
                if other.__class__ is not self.__class__:
                    return NotImplemented
                return test(_values(self, all_fields), _values(other, all_fields))
            return method
        cls.__lt__ = compare(lambda a, b: a < b)
        cls.__le__ = compare(lambda a, b: a <= b)
        cls.__gt__ = compare(lambda a, b: a > b)
        cls.__ge__ = compare(lambda a, b: a >= b)
    if frozen:
        def __setattr__(self, name, value):
            raise FrozenInstanceError("cannot assign to field '%s'" % name)

        def __delattr__(self, name):
            raise FrozenInstanceError("cannot delete field '%s'" % name)
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__
    if eq and frozen:
        cls.__hash__ = lambda self: hash(_values(self, all_fields))
    elif eq and "__hash__" not in own:
        cls.__hash__ = None
    return cls


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, frozen=False):
    def wrap(cls):
        return _process(cls, init, repr, eq, order, frozen)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(obj):
    found = getattr(obj, "__dataclass_fields__", None)
    if found is None:
        raise TypeError("must be called with a dataclass type or instance")
    return tuple(found.values())


def _copy_out(value, as_dict):
    if hasattr(value, "__dataclass_fields__") and not isinstance(value, type):
        if as_dict:
            return {f.name: _copy_out(getattr(value, f.name), True) for f in fields(value)}
        return tuple(_copy_out(getattr(value, f.name), False) for f in fields(value))
    if isinstance(value, list):
        return [_copy_out(v, as_dict) for v in value]
    if isinstance(value, tuple):
        return tuple(_copy_out(v, as_dict) for v in value)
    if isinstance(value, dict):
        return {_copy_out(k, as_dict): _copy_out(v, as_dict) for k, v in value.items()}
    return value


def asdict(obj):
    return _copy_out(obj, True)


def astuple(obj):
    return _copy_out(obj, False)


def replace(obj, **changes):
    for f in fields(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
