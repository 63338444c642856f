# The built-in dataclasses module: init, repr, eq, order, frozen, field, fields, asdict, replace.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, FrozenInstanceError

@dataclass
class Item:
    name: str
    weight: float = 1.0
    tags: list = field(default_factory=list)

@dataclass(order=True)
class Score:
    points: int
    player: str = field(compare=False, default="?")

@dataclass(frozen=True)
class Pos:
    x: int
    y: int

    def moved(self, dx, dy):
        return replace(self, x=self.x + dx, y=self.y + dy)

@dataclass
class Weapon(Item):
    damage: int = 5

    def __post_init__(self):
        self.tags.append("weapon")

sword = Weapon("sword", 3.5, damage=12)
print(Item("rope"), sword, sword == Weapon("sword", 3.5, [], 12), Item("a") == Item("b"))
print([f.name for f in fields(sword)], asdict(sword), astuple(Pos(1, 2)))
print(sorted([Score(5, "b"), Score(2, "a"), Score(9)]), Score(3) < Score(4), Score(1, "x") == Score(1, "y"))
p = Pos(1, 2)
print(p, p.moved(1, 1), {p: "here"}[Pos(1, 2)], hash(p) == hash(Pos(1, 2)))
try:
    p.x = 5
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
try:
    {Item("x")}
except TypeError as e:
    print("TypeError:", e)
try:
    Item()
except TypeError as e:
    print("TypeError:", e)
a, b = Item("a"), Item("b")
a.tags.append(1)
print(a.tags, b.tags, replace(a, name="c"))
