class Outer:
    class Inner:
        def hello(self):
            return "inner hello"
    def make(self):
        return self.Inner()
print(Outer().make().hello(), Outer.Inner.__name__, Outer.Inner.__qualname__)
class Config:
    class Defaults:
        size = 10
    size = Defaults.size * 2
print(Config.size)
def build():
    class Local:
        def __repr__(self):
            return "Local()"
    return Local()
print(build(), type(build()).__qualname__)
