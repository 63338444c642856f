"""collections, written in the language itself: deque, defaultdict, Counter, OrderedDict
and namedtuple, with the behaviour game scripts rely on.

mote differences: a namedtuple class is not a tuple subclass (isinstance(p, tuple) is
False, everything else - fields, indexing, unpacking, ==, hash, _asdict, _replace - as in
CPython); deque.popleft and appendleft cost O(n), as on a list.
"""

__all__ = ["deque", "defaultdict", "Counter", "OrderedDict", "namedtuple"]


class deque:
    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None and maxlen < 0:
            raise ValueError("maxlen must be non-negative")
        self._items = []
        self.maxlen = maxlen
        self.extend(iterable)

    def _trim_right(self):
        if self.maxlen is not None:
            while len(self._items) > self.maxlen:
                self._items.pop()

    def _trim_left(self):
        if self.maxlen is not None:
            while len(self._items) > self.maxlen:
                self._items.pop(0)

    def append(self, x):
        self._items.append(x)
        self._trim_left()

    def appendleft(self, x):
        self._items.insert(0, x)
        self._trim_right()

    def extend(self, iterable):
        for x in list(iterable):
            self.append(x)

    def extendleft(self, iterable):
        for x in list(iterable):
            self.appendleft(x)

    def pop(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop(0)

    def clear(self):
        self._items.clear()

    def copy(self):
        return deque(self._items, self.maxlen)

    def count(self, x):
        return self._items.count(x)

    def index(self, x):
        return self._items.index(x)

    def remove(self, x):
        self._items.remove(x)

    def reverse(self):
        self._items.reverse()

    def rotate(self, n=1):
        if self._items:
            n = n % len(self._items)
            if n:
                self._items[:] = self._items[-n:] + self._items[:-n]

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __reversed__(self):
        return reversed(self._items)

    def __contains__(self, x):
        return x in self._items

    def __getitem__(self, i):
        return self._items[i]

    def __setitem__(self, i, x):
        self._items[i] = x

    def __delitem__(self, i):
        del self._items[i]

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items == other._items

    def __repr__(self):
        if self.maxlen is None:
            return "deque(%r)" % (self._items,)
        return "deque(%r, maxlen=%d)" % (self._items, self.maxlen)


class defaultdict(dict):
    def __init__(self, default_factory=None, *args, **kwargs):
        dict.__init__(self, *args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def copy(self):
        return defaultdict(self.default_factory, self)

    def __repr__(self):
        return "defaultdict(%r, %s)" % (self.default_factory, dict.__repr__(self))


class Counter(dict):
    def __init__(self, iterable=None, **kwds):
        dict.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def update(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self[elem] + count
            else:
                for elem in iterable:
                    self[elem] = self[elem] + 1
        for elem, count in kwds.items():
            self[elem] = self[elem] + count

    def subtract(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self[elem] - count
            else:
                for elem in iterable:
                    self[elem] = self[elem] - 1
        for elem, count in kwds.items():
            self[elem] = self[elem] - count

    def most_common(self, n=None):
        ranked = sorted(self.items(), key=lambda pair: pair[1], reverse=True)
        return ranked if n is None else ranked[:n]

    def elements(self):
        for elem, count in self.items():
            for i in range(count):
                yield elem

    def total(self):
        return sum(self.values())

    def copy(self):
        return Counter(self)

    def __add__(self, other):
        result = Counter()
        for elem, count in self.items():
            if count + other[elem] > 0:
                result[elem] = count + other[elem]
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        result = Counter()
        for elem, count in self.items():
            if count - other[elem] > 0:
                result[elem] = count - other[elem]
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = -count
        return result

    def __pos__(self):
        return Counter({elem: count for elem, count in self.items() if count > 0})

    def __neg__(self):
        return Counter({elem: -count for elem, count in self.items() if count < 0})

    def __repr__(self):
        if not self:
            return "Counter()"
        return "Counter({%s})" % ", ".join("%r: %r" % pair for pair in self.most_common())


class OrderedDict(dict):
    def move_to_end(self, key, last=True):
        value = self.pop(key)
        if last:
            self[key] = value
        else:
            rest = list(self.items())
            self.clear()
            self[key] = value
            for k, v in rest:
                self[k] = v

    def popitem(self, last=True):
        if not self:
            raise KeyError("dictionary is empty")
        key = next(reversed(list(self))) if last else next(iter(self))
        return key, self.pop(key)

    def __repr__(self):
        if not self:
            return "OrderedDict()"
        return "OrderedDict(%r)" % (list(self.items()),)


def namedtuple(typename, field_names, defaults=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    fields = tuple(field_names)
    for name in fields:
        if not name.isidentifier() or name.startswith("_"):
            raise ValueError("Type names and field names must be valid identifiers: %r" % (name,))
    if len(set(fields)) != len(fields):
        raise ValueError("Encountered duplicate field name")
    default_values = () if defaults is None else tuple(defaults)
    if len(default_values) > len(fields):
        raise TypeError("Got more default values than field names")

    class Record:
        pass

    Record.__name__ = typename
    Record.__qualname__ = typename
    _fill_namedtuple(Record, fields, default_values)
    return Record


def _fill_namedtuple(cls, fields, default_values, keep=()):
    """Makes `cls` a named tuple class with `fields`, the last of them defaulting to
    `default_values`: puts the methods in, except those named in `keep` (the ones a
    typing.NamedTuple class body defines itself). namedtuple() and typing.NamedTuple both
    come here."""
    typename = cls.__name__
    first_default = len(fields) - len(default_values)

    def __init__(self, *args, **kwargs):
        if len(args) > len(fields):
            takes = "%d" % (len(fields) + 1) if first_default == len(fields) else "from %d to %d" % (
                first_default + 1, len(fields) + 1)
            raise TypeError("%s.__new__() takes %s positional arguments but %d were given"
                            % (typename, takes, len(args) + 1))
        values = list(args)
        for i in range(len(args), len(fields)):
            name = fields[i]
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif i >= first_default:
                values.append(default_values[i - first_default])
            else:
                raise TypeError("%s.__new__() missing 1 required positional argument: '%s'" % (typename, name))
        for name in kwargs:
            raise TypeError("%s.__new__() got an unexpected keyword argument '%s'" % (typename, name))
        self._values = tuple(values)
        for name, value in zip(fields, values):
            object.__setattr__(self, name, value)

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(self._values)

    def __getitem__(self, index):
        return self._values[index]

    def __eq__(self, other):
        if isinstance(other, cls):
            return self._values == other._values
        if isinstance(other, tuple):
            return self._values == other
        return NotImplemented

    def __lt__(self, other):
        return self._values < tuple(other)

    def __hash__(self):
        return hash(self._values)

    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, ", ".join("%s=%r" % pair for pair in zip(fields, self._values)))

    def _make(cls, iterable):
        return cls(*iterable)

    def _asdict(self):
        return dict(zip(fields, self._values))

    def _replace(self, **changes):
        values = dict(zip(fields, self._values))
        for name, value in changes.items():
            if name not in values:
                raise ValueError("Got unexpected field names: %r" % ([name],))
            values[name] = value
        return type(self)(**values)

    def count(self, value):
        return self._values.count(value)

    def index(self, value):
        return self._values.index(value)

    methods = {"__init__": __init__, "__iter__": __iter__, "__len__": __len__, "__getitem__": __getitem__,
               "__eq__": __eq__, "__lt__": __lt__, "__hash__": __hash__, "__repr__": __repr__,
               "_make": classmethod(_make), "_asdict": _asdict, "_replace": _replace, "count": count,
               "index": index}
    for name, method in methods.items():
        if name not in keep:
            setattr(cls, name, method)
    cls._fields = fields
    cls._field_defaults = dict(zip(fields[first_default:], default_values))
