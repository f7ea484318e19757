# `obj.name op= value` and `local.name = value` run through fused instructions once their
# caches are warm; every change below must still be seen exactly as CPython sees it.


class Acc:
    def __init__(self):
        self.n = 0
        self.total = 0

    def add(self, v):
        self.n += 1
        self.total = self.total + v


def bump(o, k):
    o.n += k
    return o.n


a = Acc()
for i in range(5):
    a.add(i)
print(a.n, a.total, vars(a))

# attribute deleted: the fused store misses and the plain path re-adds it at a new position
del a.n
try:
    a.add(1)
except AttributeError as e:
    print("AttributeError:", e)
a.n = 40
a.add(2)
print(a.n, a.total, list(vars(a)))

# dict replaced and edited behind the caches
a.__dict__ = {"total": 5, "n": 1}
a.add(1)
print(a.n, a.total, list(vars(a)))
a.__dict__.clear()
try:
    bump(a, 1)
except AttributeError as e:
    print("AttributeError:", e)
a.n = 1
a.total = 0
print(bump(a, 1), bump(a, 2))


# a property added to the class later intercepts the fused read and write
def get_n(self):
    print("get n")
    return self.__dict__["n"]


def set_n(self, v):
    print("set n", v)
    self.__dict__["n"] = v


Acc.n = property(get_n, set_n)
print(bump(a, 10))
del Acc.n
print(bump(a, 10))


# __setattr__ added to the class later sees every store
def loud_setattr(self, name, value):
    print("setattr", name, value)
    object.__setattr__(self, name, value)


Acc.__setattr__ = loud_setattr
a.add(3)
del Acc.__setattr__
a.add(3)
print(a.n, a.total)


# different receivers through the same fused instructions: other classes, slots-free
# subclasses of built-ins, objects whose attribute lives in the class, and non-objects
class Other:
    def __init__(self):
        self.n = 100


class Sub(Acc):
    pass


class ClassLevel:
    n = 7


class L(list):
    pass


ll = L()
ll.n = 0
for o in (Other(), Sub(), ClassLevel(), ll, Acc()):
    try:
        o.n = 0 if isinstance(o, Sub) else o.n
        print(type(o).__name__, bump(o, 1), bump(o, 1), vars(o))
    except AttributeError as e:
        print("AttributeError:", e)
try:
    bump(5, 1)
except AttributeError as e:
    print("AttributeError:", e)


# the value being stored is the result of a call that changes the instance
class Tricky:
    def __init__(self):
        self.x = 1

    def grow(self):
        del self.x
        self.y = 2
        return 10

    def run(self):
        self.x += self.grow()


t = Tricky()
try:
    t.run()
except AttributeError as e:
    print("AttributeError:", e)
print(vars(t))
t2 = Tricky()
t2.x = 5
t2.grow = lambda: 1
t2.run()
print(vars(t2)["x"])


# unbound local on the fused store
def store_unbound(flag):
    if flag:
        o = Acc()
    o.total = 1
    return o.total


print(store_unbound(True), store_unbound(True))
try:
    store_unbound(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
