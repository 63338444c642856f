# A command registry that reads parameter annotations to convert string arguments,
# as console command systems in games do.

COMMANDS = {}


def command(fn):
    """Registers fn under its name; its annotations say how to convert arguments."""
    COMMANDS[fn.__name__] = fn
    return fn


class Vec:
    def __init__(self, text):
        x, y = text.split(",")
        self.x, self.y = float(x), float(y)

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"


@command
def spawn(kind: str, count: int = 1, at: Vec = None) -> list:
    return [f"{kind}#{i} at {at}" for i in range(count)]


@command
def give(player: str, item: str, amount: int, *, silent: bool = False) -> None:
    if not silent:
        print(f"  gave {amount} x {item} to {player}")


@command
def speed(factor: float):
    print(f"  speed x{factor}")


@command
def reset():
    print("  reset")


def to_bool(text):
    return text.lower() in ("1", "true", "yes", "on")


CONVERTERS = {bool: to_bool}


def run(line):
    name, *words = line.split()
    fn = COMMANDS[name]
    hints = fn.__annotations__
    code = fn.__code__
    params = code.co_varnames[: code.co_argcount + code.co_kwonlyargcount]
    positional = params[: code.co_argcount]
    args = []
    kwargs = {}
    for word in words:
        if "=" in word:
            key, text = word.split("=", 1)
        else:
            key, text = positional[len(args)], word
        convert = hints.get(key, str)
        convert = CONVERTERS.get(convert, convert)
        value = convert(text)
        if "=" in word:
            kwargs[key] = value
        else:
            args.append(value)
    result = fn(*args, **kwargs)
    returns = hints.get("return", "unannotated")
    print(f"{line!r} -> {result!r} (declared {getattr(returns, '__name__', returns)})")


for line in [
    "spawn goblin 2 1.5,2",
    "spawn chest",
    "give ann sword 3",
    "give bob arrow 20 silent=yes",
    "speed 2.5",
    "reset",
]:
    run(line)

# The annotations dict: parameters in order (*args and **kwargs where they stand among
# them), then 'return'; evaluated when the def runs.
T = int


def f(a: T, b, *rest: str, key: "a string" = 0, **more: float) -> T:
    pass


T = str
print(f.__annotations__)
print(spawn.__annotations__)
print(reset.__annotations__, (lambda x: x).__annotations__)
print(type(reset.__annotations__).__name__, reset.__annotations__ is reset.__annotations__)

# Assignable, and None means an empty dict again.
reset.__annotations__ = {"return": None}
print(reset.__annotations__)
reset.__annotations__["extra"] = 1
print(reset.__annotations__)
reset.__annotations__ = None
print(reset.__annotations__)
try:
    reset.__annotations__ = [1]
except TypeError as e:
    print("TypeError:", e)


# Annotations of a nested def see the enclosing function's names.
def make_parser(kind):
    def parse(text: kind) -> kind:
        return kind(text)

    return parse


p = make_parser(int)
print(p.__annotations__, p("41") + 1)


# Class bodies keep theirs, methods have their own.
class Player:
    name: str
    hp: int = 100

    def hit(self, damage: int) -> bool:
        self.hp -= damage
        return self.hp <= 0


print(Player.__annotations__, Player.hit.__annotations__)
print(Player.hit.__code__.co_varnames, Player().hit(30))
