class N:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"N({self.v})"
    def __add__(self, o):
        print("add")
        return N(self.v + (o.v if isinstance(o, N) else o))
    def __radd__(self, o):
        print("radd")
        return N(o + self.v)
    def __rsub__(self, o):
        return N(o - self.v)
    def __rmul__(self, o):
        return N(o * self.v)
    def __rtruediv__(self, o):
        return N(o / self.v)
    def __rpow__(self, o):
        return N(o ** self.v)
    def __rfloordiv__(self, o):
        return N(o // self.v)
    def __rmod__(self, o):
        return N(o % self.v)
n = N(4)
print(n + 1, 1 + n, n + n)
print(10 - n, 3 * n, 8 / n, 2 ** n, 9 // n, 9 % n)
print(sum([N(1), N(2)]))
class Sub(N):
    def __radd__(self, o):
        print("sub radd")
        return N(-1)
print(N(1) + Sub(2))
