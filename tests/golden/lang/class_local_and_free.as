# A name bound in a class body and also read by its methods from the enclosing function:
# the class keeps its own binding and passes the function's cell through.
def f():
    x = 1
    class C:
        x = 2
        def m(self):
            return x
        y = [x for _ in range(1)]
        z = x
    return C().m(), C.y, C.x, C.z


def g():
    v = "outer"
    class D:
        v = "class"
        def get(self):
            nonlocal v
            v = v + "!"
            return v
    d = D()
    return d.get(), d.get(), D.v, v


print(f())
print(g())
