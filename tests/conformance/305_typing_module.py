# The built-in typing module: names to annotate with, subscriptable, unchecked.
from typing import List, Dict, Optional, Tuple, Any, Callable, TypeVar, Generic, cast, TYPE_CHECKING
from dataclasses import dataclass, field

T = TypeVar("T")

class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> Optional[T]:
        return self.items.pop() if self.items else None

@dataclass
class Unit:
    name: str
    hp: int = 10
    tags: List[str] = field(default_factory=list)
    stats: Dict[str, float] = field(default_factory=dict)

def apply(f: Callable[[int], int], values: List[int]) -> Tuple[int, ...]:
    return tuple(f(v) for v in values)

s: Stack[int] = Stack()
s.push(1); s.push(2)
print(s.pop(), s.pop(), s.pop(), apply(lambda v: v * 2, [1, 2, 3]), cast(int, "x"), TYPE_CHECKING)
u = Unit("orc", tags=["green"])
print(u, list(Unit.__annotations__))
