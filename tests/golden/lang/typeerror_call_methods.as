class C:
    def m(self, a):
        return a
    @staticmethod
    def s(a):
        return a
    @classmethod
    def c(cls, a):
        return a
o = C()
for call in (lambda: o.m(), lambda: C.m(o), lambda: C.s(), lambda: o.c(), lambda: C.m()):
    try:
        call()
    except TypeError as e:
        print(e)
try:
    C(1)
except TypeError as e:
    print(e)
class D:
    def __init__(self, a, b):
        pass
try:
    D(1)
except TypeError as e:
    print(e)
