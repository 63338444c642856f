# Function attributes a wraps-style decorator copies (written in plain Python, as
# functools.update_wrapper does), and the ones a script may assign.


def plain(a, b):
    return a + b


# What functools.wraps copies, done by hand.
ASSIGNED = ("__module__", "__name__", "__qualname__", "__doc__", "__annotations__")


def update_wrapper(wrapper, wrapped):
    for attr in ASSIGNED:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    wrapper.__dict__.update(wrapped.__dict__)
    wrapper.__wrapped__ = wrapped
    return wrapper


def logged(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args)
        return fn(*args, **kwargs)

    return update_wrapper(wrapper, fn)


def area(w: float, h: float = 1.0) -> float:
    """Area of a rectangle."""
    return w * h


area.unit = "m2"
wrapped_area = logged(area)
print(wrapped_area(2, 3))
print(wrapped_area.__name__, wrapped_area.__qualname__, wrapped_area.__doc__, wrapped_area.__module__)
print(wrapped_area.__annotations__, wrapped_area.__dict__ == {"unit": "m2", "__wrapped__": area})
print(wrapped_area.__wrapped__ is area, wrapped_area.unit, wrapped_area.__code__.co_name)
print(area.__dict__, plain.__dict__, plain.__module__)
plain.__dict__ = {"tag": 1}
print(plain.tag, plain.__dict__)
plain.__doc__ = "Adds."
plain.__module__ = "maths"
plain.__qualname__ = "tools.plain"
print(plain.__doc__, plain.__module__, plain.__qualname__, plain.__name__)
try:
    plain.__closure__ = None
except AttributeError as e:
    print("AttributeError:", e)
print(repr(wrapped_area).split(" at ")[0], repr(plain).split(" at ")[0])

# A function from another module names it.
import helper_geometry

for name in sorted(vars(helper_geometry)):
    value = getattr(helper_geometry, name)
    if type(value).__name__ == "function":
        print(name, value.__module__, value.__code__.co_argcount, value.__code__.co_varnames[: value.__code__.co_argcount])
