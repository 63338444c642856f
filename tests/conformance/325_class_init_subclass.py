# __init_subclass__: called for each new subclass, implicitly a classmethod, chained with super()
class Plugin:
    registry = []

    def __init_subclass__(cls):
        super().__init_subclass__()
        Plugin.registry.append(cls.__name__)
        cls.tag = cls.__name__.lower()


class Sword(Plugin):
    pass


class FireSword(Sword):
    pass


class Shield(Plugin):
    def __init_subclass__(cls):
        print("Shield sees", cls.__name__)
        super().__init_subclass__()


class Tower(Shield):
    pass


print(Plugin.registry, Sword.tag, FireSword.tag, Tower.tag)
print(hasattr(Plugin, "tag"), type(vars(Plugin)["__init_subclass__"]).__name__)


class Counted:
    made = 0

    @classmethod
    def __init_subclass__(cls):
        Counted.made += 1


class A(Counted):
    pass


class B(Counted):
    pass


print(Counted.made)


class Strict:
    def __init_subclass__(cls):
        if not hasattr(cls, "name"):
            raise TypeError(cls.__name__ + " needs a name")


try:
    class Nameless(Strict):
        pass
except TypeError as e:
    print("TypeError:", e)


class Fine(Strict):
    name = "fine"


print(Fine.name, object.__init_subclass__())
