# Classes derived from list, dict, set, str, int, float and tuple.
class Log(list):
    def add(self, *items):
        for item in items:
            super().append(item)
        return self

    def __repr__(self):
        return "Log(%s)" % super().__repr__()

log = Log([3, 1])
log.add(2, 5).sort()
print(log, len(log), log[0], log[-1], log[1:3], 5 in log, bool(Log()), list(reversed(log)))
for i, x in enumerate(log):
    log[i] = x * 10
del log[0]
print(log, sum(log), max(log), sorted(log, reverse=True), log == [20, 30, 50], isinstance(log, list))

class Counter(dict):
    def __missing__(self, key):
        return 0

    def bump(self, key):
        self[key] += 1

c = Counter()
for word in "the cat and the hat and the bat".split():
    c.bump(word)
print(sorted(c.items()), c["dog"], len(c), "cat" in c, c.get("the"), "dog" in c)

class Tags(set):
    pass

t = Tags(["b", "a"])
t.add("c")
print(sorted(t), len(t), "a" in t, type(t).__name__)

class Word(str):
    def shout(self):
        return self.upper() + "!"

w = Word("hey")
print(w, w.shout(), w + "!", w * 2, len(w), w[1], w.startswith("he"), w == "hey", {w: 1}["hey"])
print("%s and %s" % (w, Word("you")), f"{w}", str(w), repr(w), w.split("e"))

class Money(int):
    def __str__(self):
        return "$%d" % int(self)

m = Money(250)
print(m, m + 50, m * 2, m > 100, int(m), str(m), float(m), [m])

class Ratio(float):
    pass

r = Ratio(0.25)
print(r, r * 4, r + 1, round(r, 1))

class Pair(tuple):
    def swap(self):
        return Pair((self[1], self[0]))

p = Pair((1, 2))
print(p, p.swap(), len(p), p[0], list(p), p == (1, 2))
class Score(int):
    def __repr__(self): return 'S'
class W(str):
    def __repr__(self): return 'W!'
class F(float):
    def __repr__(self): return 'F!'
class L(list):
    def __repr__(self): return 'L!'
print(str(Score(7)), str(W('a')), str(F(1.5)), str(L()), f'{Score(7)}', f'{W("a")}', '%s' % W('b'))
