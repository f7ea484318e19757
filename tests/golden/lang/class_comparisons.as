class Ver:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __le__(self, o):
        return self.parts <= o.parts
    def __gt__(self, o):
        return self.parts > o.parts
    def __ge__(self, o):
        return self.parts >= o.parts
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
    __hash__ = None
vs = [Ver(1, 2), Ver(1, 0, 5), Ver(0, 9), Ver(1, 2, 0)]
print(sorted(vs), max(vs), min(vs))
print(Ver(1) < Ver(2), Ver(1) <= Ver(1), Ver(2) > Ver(1), Ver(1) >= Ver(3), Ver(1) == Ver(1))
print(Ver(1) < Ver(2) < Ver(3))
class OnlyLt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
print(OnlyLt(2) > OnlyLt(1), sorted([OnlyLt(3), OnlyLt(1)])[0].v)
