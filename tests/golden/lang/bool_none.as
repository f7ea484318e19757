print(True, False, None)
print(bool(0), bool(1), bool(""), bool("0"), bool([]), bool([0]), bool({}), bool(None), bool(0.0), bool(-0.0), bool(2 ** 100))
print(True + True, True * 10, -True, True / 2)
print(str(True), repr(False), int(True), float(False))
print(type(None).__name__, type(True).__name__, None == False, None is None)
print(isinstance(False, int), bool.__mro__)
print(hash(True) == hash(1), {True: "a", 1: "b"})
print(True is bool(1), not None)
class Falsy:
    def __bool__(self):
        return False
class Sized:
    def __len__(self):
        return 0
print(bool(Falsy()), bool(Sized()), "yes" if Falsy() else "no")
class Bad:
    def __bool__(self):
        return 1
try:
    bool(Bad())
except TypeError as e:
    print(e)
