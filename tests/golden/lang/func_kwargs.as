def f(a, **kwargs):
    for k in kwargs:
        print(k, kwargs[k])
    return a
print(f(0, z=1, y=2, x=3))
def g(**kw):
    kw["added"] = True
    return kw
d = {"one": 1}
print(g(**d), d)
def h(a, b):
    return a - b
print(h(b=1, a=10), h(**{"a": 3, "b": 2}))
