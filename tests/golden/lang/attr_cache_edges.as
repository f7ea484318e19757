# Attribute and method caches (and the LOAD_FAST+LOAD_ATTR / LOAD_FAST+LOAD_METHOD fusions
# made at run time) must see every change: instance dict edits through __dict__, deletes,
# class attributes added or replaced later, descriptors, subclasses, unbound locals.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return self.x + self.y


def read_x(o):
    return o.x


def call_norm(o):
    return o.norm()


p = P(1, 2)
for _ in range(3):
    print(read_x(p), call_norm(p))

# the instance dict changed behind the cache's back
p.__dict__["x"] = 10
print(read_x(p), call_norm(p))
vars(p)["y"] = 20
print(read_x(p), call_norm(p))

# an instance attribute shadows the method
p.__dict__["norm"] = lambda: "shadowed"
print(call_norm(p))
del p.norm
print(call_norm(p))
p.norm = lambda: "set directly"
print(call_norm(p))
del p.__dict__["norm"]
print(call_norm(p))

# attribute deleted, then re-added in another order (entry numbers move)
del p.x
try:
    read_x(p)
except AttributeError as e:
    print("AttributeError:", e)
p.z = 0
p.x = 7
print(read_x(p), sorted(vars(p)))
p.__dict__.clear()
try:
    read_x(p)
except AttributeError as e:
    print("AttributeError:", e)
p.x = 3
p.y = 4
print(read_x(p), call_norm(p))

# the whole dict replaced
p.__dict__ = {"x": 100, "y": 1}
print(read_x(p), call_norm(p))

# a class attribute added later: a data descriptor wins over the instance dict
P.x = property(lambda self: "property")
print(read_x(p))
del P.x
print(read_x(p))

# the method replaced on the class after the cache was filled
P.norm = lambda self: "new norm"
print(call_norm(p))


class Q(P):
    def norm(self):
        return "Q.norm"


q = Q(1, 1)
print(read_x(q), call_norm(q), call_norm(p))


# a class with __getattr__ / __getattribute__ reached through the same instruction
class G:
    def __getattr__(self, name):
        return "getattr " + name


class GA:
    def __getattribute__(self, name):
        return "getattribute " + name


for o in (p, G(), GA(), P(5, 6)):
    print(read_x(o))


# non-instances through the same cached instruction
class S:
    x = "class attr"


for o in (S, S(), P(0, 0), 5 .__class__, P(8, 9)):
    try:
        print(read_x(o))
    except AttributeError as e:
        print("AttributeError:", e)


# methods on built-ins through the fused path
def up(s):
    return s.upper()


for s in ("a", "b", "c"):
    print(up(s))
try:
    up(5)
except AttributeError as e:
    print("AttributeError:", e)


# an unbound local in the fused instruction reports the local, not the attribute
def unbound(flag):
    if flag:
        o = P(1, 2)
    return o.x


def unbound_method(flag):
    if flag:
        o = P(1, 2)
    return o.norm()


for f in (unbound, unbound_method):
    print(f(True))
    print(f(True))
    try:
        f(False)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)


# a jump that lands on the LOAD_ATTR itself, after a different push
def cond_attr(a, b, c):
    return (a if c else b).x


a, b = P(1, 1), P(2, 2)
for c in (True, False, True, False):
    print(cond_attr(a, b, c))


# __slots__-free subclass of a built-in, and a dict-less built-in receiver
class L(list):
    pass


ll = L()
ll.x = "list attr"
print(read_x(ll))


# augmented assignment through the store cache, then the dict seen through vars()
class C:
    def __init__(self):
        self.n = 0

    def bump(self):
        self.n += 1


c = C()
for _ in range(5):
    c.bump()
print(c.n, vars(c))
c.__dict__["n"] = 100
c.bump()
print(c.n)
object.__setattr__(c, "n", -1)
c.bump()
print(c.n)
