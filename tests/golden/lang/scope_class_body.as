x = "module"
class C:
    x = "class"
    y = x + "!"
    def m(self):
        return x
    lst = [x]
    def n(self):
        return self.x, C.x
print(C.y, C().m(), C.lst, C().n())
class D:
    a = 1
    b = a + 1
    del a
print(D.b, hasattr(D, "a"))
def factory(v):
    class Inner:
        val = v
        def get(self):
            return v
    return Inner
print(factory(3).val, factory(4)().get())
