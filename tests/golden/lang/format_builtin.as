print(format(5))
print(format("abc"))
print(format(3.0))
print(format([1, 2]))
print(format(None))
class Temp:
    def __init__(self, c):
        self.c = c
    def __format__(self, spec):
        if spec == "f":
            return str(self.c * 9 / 5 + 32) + "F"
        return str(self.c) + "C"
t = Temp(100)
print(format(t), format(t, "f"))
print(f"{t} {t:f}")
print("{} {:f}".format(t, t))
