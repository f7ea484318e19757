class Key:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, Key) and self.v == other.v
    def __hash__(self):
        return hash(self.v)
    def __repr__(self):
        return "Key(%r)" % self.v
d = {Key(1): "one"}
print(d[Key(1)], Key(1) in d, Key(2) in d)
d[Key(1)] = "uno"
print(d)
class NoHash:
    def __eq__(self, other):
        return True
try:
    {NoHash(): 1}
except TypeError as e:
    print(e)
print(NoHash.__hash__)
print({1: "a", 1.0: "b"}, {0: "z"}[False])
