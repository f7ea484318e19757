class Dyn:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("x_"):
            return name.upper()
        raise AttributeError(f"no {name}")
d = Dyn()
print(d.real, d.x_abc, getattr(d, "x_q"), hasattr(d, "nope"), getattr(d, "nope", "dflt"))
class Guard:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
g = Guard()
g.a = 5
print(g.a)
setattr(g, "b", 1)
del g.a
delattr(g, "b")
print(vars(g))
class Log:
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)
l = Log()
l.val = 3
print(l.secret, l.val)
