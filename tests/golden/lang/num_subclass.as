# subclasses of int and float: arithmetic, dunders, super(), repr, hash; bool is final
class MyInt(int):
    def __add__(self, other):
        return MyInt(int(self) + int(other) + 100)
    def double(self):
        return self * 2
m = MyInt(5)
print(m + 1, type(m + 1).__name__, 1 + m, m.double(), type(m.double()).__name__)
print(m - 1, m * 3, m // 2, m % 3, m ** 2, -m, abs(MyInt(-3)), ~m, m << 2, m & 4)
print(repr(m), str(m), f"{m:04d}", m == 5, m < 6, hash(m) == hash(5), {m: 1}[5])
print(int(m), type(int(m)).__name__, float(m), bool(MyInt(0)), m.bit_length(), m.real, type(m.real).__name__)
class Big(int):
    pass
b = Big(2**100)
print(b, b + 1, b > 2**99, hash(b) == hash(2**100), isinstance(b, int), type(b).__name__)
print(Big('ff', 16), Big(), Big(3.9))
class Sup(int):
    def __add__(self, o):
        return super().__add__(o) * 10
print(Sup(2) + 3, Sup(2).__add__(3.5) if False else 0)
class MyFloat(float):
    def __repr__(self): return 'MyFloat(' + super().__repr__() + ')'
x = MyFloat(1.25)
print(x, x + 1, type(x + 1).__name__, x * 2, -x, abs(x), round(x, 1), int(x), x == 1.25, hash(x) == hash(1.25))
print(MyFloat('2.5'), MyFloat(), float(x), type(float(x)).__name__)
try:
    class BB(bool): pass
except TypeError as e: print(e)
print(True.__class__, bool.__mro__ if hasattr(bool, '__mro__') else '')
