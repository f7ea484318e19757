a = [1]
b = a
print(id(a) == id(b), id(a) == id([1]), type(id(a)).__name__)
print(hash(1) == 1, hash(-1) == -2, hash(0), hash(12345), hash(True), hash(1.0) == hash(1), hash(0.5) == hash(0.5))
print(hash((1, 2)) == hash((1, 2)), hash(None) == hash(None), hash(frozenset([1])) == hash(frozenset([1])))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)), hash(10 ** 20))
class H:
    def __hash__(self):
        return 42
print(hash(H()))
class BadH:
    def __hash__(self):
        return "x"
for bad in ([], {}, set(), BadH()):
    try:
        hash(bad)
    except TypeError as e:
        print(e)
