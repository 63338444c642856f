# Under `from __future__ import annotations`, function annotations are kept as their
# source text, so they may name classes defined later (a quest graph here).
from __future__ import annotations


class Quest:
    def __init__(self, name: str, reward: int = 0) -> None:
        self.name = name
        self.reward = reward
        self.next: list[Quest] = []

    def unlock(self, other: Quest, *more: Quest) -> Quest:
        self.next.append(other)
        self.next.extend(more)
        return other

    def total(self, seen: set[str] | None = None, **bonus: dict[str, int]) -> int:
        seen = set() if seen is None else seen
        if self.name in seen:
            return 0
        seen.add(self.name)
        return self.reward + sum(q.total(seen) for q in self.next)


def describe(fn: 'callable') -> None:
    print(fn.__qualname__, fn.__annotations__)


for fn in [Quest.__init__, Quest.unlock, Quest.total, describe]:
    describe(fn)

start = Quest("start", 5)
cave = start.unlock(Quest("cave", 20), Quest("town", 10))
cave.unlock(Quest("boss", 100), start.next[1])
print(start.total(), [q.name for q in start.next])
print(type(Quest.unlock.__annotations__["other"]).__name__)
