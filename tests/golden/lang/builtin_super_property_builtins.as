print(type(super).__name__, type(property).__name__, type(staticmethod).__name__, type(classmethod).__name__)
p = property(lambda self: 1)
print(type(p).__name__, p.fget is not None, p.fset, p.fdel)
class C:
    def __init__(self):
        self._v = 0
    def get_v(self):
        return self._v
    def set_v(self, v):
        self._v = v * 10
    v = property(get_v, set_v, None, "the v")
c = C()
c.v = 3
print(c.v, C.v.__doc__)
class S:
    @staticmethod
    def f():
        return "static"
print(S.f(), S().f(), isinstance(S.__dict__["f"], staticmethod))
class K:
    @classmethod
    def f(cls):
        return cls.__name__
class K2(K):
    pass
print(K2.f(), K2().f(), isinstance(K.__dict__["f"], classmethod))
