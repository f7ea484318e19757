class A:
    @classmethod
    def create(cls):
        return f"A.create for {cls.__name__}"
    @staticmethod
    def helper():
        return "helper"
class B(A):
    @classmethod
    def create(cls):
        return "B then " + super().create()
print(B.create(), B().create())
class P:
    @property
    def value(self):
        return 1
class Q(P):
    @property
    def value(self):
        return super().value + 10
print(Q().value)
class R:
    def __repr__(self):
        return "R:" + super().__repr__()[:2]
print(repr(R()))
def outside():
    try:
        super()
    except RuntimeError as e:
        print(e)
outside()
