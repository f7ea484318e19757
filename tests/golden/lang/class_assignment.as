# obj.__class__ = cls: allowed between script classes of the same layout, CPython's errors otherwise.
class A:
    def who(self):
        return "A"


class B(A):
    def who(self):
        return "B"


class C:
    __slots__ = ()


a = A()
a.x = 1
print(a.who(), type(a).__name__)
a.__class__ = B
print(a.who(), type(a).__name__, a.x, isinstance(a, B), a.__class__.__name__)
for bad in [5, "str"]:
    try:
        a.__class__ = bad
    except TypeError as e:
        print("TypeError:", e)
try:
    (1).__class__ = bool
except TypeError as e:
    print("TypeError:", e)
try:
    a.__class__ = int
except TypeError as e:
    print("TypeError:", e)
try:
    del a.__class__
except TypeError as e:
    print("TypeError:", e)
for _ in range(3):
    a.__class__ = A
    print(a.who())
    a.__class__ = B
    print(a.who())


class D(dict):
    pass


class S1(str):
    pass


class S2(str):
    def shout(self):
        return self.upper()


for target in (D, S2):
    try:
        a.__class__ = target
    except TypeError as e:
        print("TypeError:", e)
s = S1("hey")
s.n = 3
s.__class__ = S2
print(s.shout(), s.n, type(s).__name__)
d = D(k=1)
try:
    d.__class__ = S1
except TypeError as e:
    print("TypeError:", e)
