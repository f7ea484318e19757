print(type(1), type("s"), type([]), type(None), type(type), type(print), type(len))
print(type(1) is int, type(True) == bool, type(3.0).__name__, type(lambda: 0).__name__)
class C:
    pass
print(type(C()), type(C), type(C()).__name__, type(C()) is C)
D = type("D", (C,), {"x": 5, "hello": lambda self: "hi"})
d = D()
print(D.__name__, D.__bases__, d.x, d.hello(), isinstance(d, C))
print(type(range(3)).__name__, type({}.keys()).__name__, type(iter([])).__name__, type(x for x in []).__name__)
try:
    type()
except TypeError as e:
    print(e)
try:
    type(1, 2)
except TypeError as e:
    print(e)
