# Instances of subclasses of tuple, str and bytes have a __dict__ like any other instance.
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]


p = Point(3, 4)
p.label = "A"
print(p, p.x, p.label, vars(p), p == (3, 4), hash(p) == hash((3, 4)))
del p.label
print(hasattr(p, "label"), p.__dict__)
p.__dict__ = {"z": 9}
print(p.z, len(p), p[1])


class Name(str):
    def shout(self):
        return self.upper() + "!"


n = Name("héllo wörld")
n.lang = "de"
print(n, n.shout(), n.lang, n[1], len(n), {n: 1}["héllo wörld"], n.split())


class Blob(bytes):
    pass


class BigBlob(Blob):
    pass


b = BigBlob(b"\x00\x01abc")
b.size = len(b)
b.meta = {"k": [1, 2]}
print(b, b.size, b.meta, vars(b), isinstance(b, bytes))

empty = Point.__new__(Point, 0, 0)[:0]
print(empty, type(empty).__name__)
t0 = type("T0", (tuple,), {})()
t0.a = 1
print(t0, t0.a)

# many instances with attributes survive collections
keep = []
for i in range(3000):
    s = Name("k" * (i % 17))
    s.i = i
    s.tag = [i] * 3
    keep.append(s)
junk = [Name(str(i)) for i in range(20000)]
print(sum(s.i for s in keep), sum(len(s.tag) for s in keep), keep[1234], keep[1234].i, keep[1234].tag)
