class P:
    def __init__(self, x):
        self.x = x
    def __eq__(self, other):
        if not isinstance(other, P):
            return NotImplemented
        return self.x == other.x
    def __hash__(self):
        return hash(self.x)
print(P(1) == P(1), P(1) != P(2), P(1) == 1, P(1) != "s")
print(len({P(1), P(1), P(2)}), P(3) in [P(1), P(3)])
class EqOnly:
    def __eq__(self, other):
        return True
print(EqOnly.__hash__ is None, EqOnly() == 5)
try:
    hash(EqOnly())
except TypeError as e:
    print(e)
class Default:
    pass
d = Default()
print(d == d, d == Default(), d != Default(), hash(d) == hash(d))
class Ne:
    def __eq__(self, o):
        return "eq-result"
print(Ne() == 1, Ne() != 1)
