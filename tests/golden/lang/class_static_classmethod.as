class Temp:
    scale = "C"
    def __init__(self, deg):
        self.deg = deg
    @classmethod
    def from_f(cls, f):
        return cls(round((f - 32) * 5 / 9, 1))
    @classmethod
    def describe(cls):
        return f"{cls.__name__} in {cls.scale}"
    @staticmethod
    def valid(v):
        return v > -273.15
class Kelvin(Temp):
    scale = "K"
t = Temp.from_f(212)
print(type(t).__name__, t.deg, Temp.describe(), Kelvin.describe(), t.describe())
print(type(Kelvin.from_f(32)).__name__, Temp.valid(-300), t.valid(5))
sm = staticmethod(len)
cm = classmethod(lambda cls: cls.__name__)
class X:
    s = sm
    c = cm
print(X.s("abc"), X.c(), X().c())
