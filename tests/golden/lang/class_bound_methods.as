class C:
    def __init__(self, n):
        self.n = n
    def get(self):
        return self.n
c = C(7)
m = c.get
print(m(), m.__self__ is c, m.__func__ is C.get, type(m).__name__, m.__name__)
print(C.get(c), type(C.get).__name__)
c.n = 8
print(m())
print(c.get == c.get, c.get is c.get, C(1).get == C(1).get)
fns = [C(i).get for i in range(3)]
print([f() for f in fns])
c.get = lambda: "instance attr"
print(c.get(), C.get(c))
