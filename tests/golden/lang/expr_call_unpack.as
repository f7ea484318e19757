def f(a, b, c=3, *rest, d=4, **kw):
    return (a, b, c, rest, d, kw)
args = [1, 2]
kwargs = {"d": 40, "e": 50}
print(f(*args))
print(f(*args, **kwargs))
print(f(*[1, 2, 3, 4, 5]))
print(f(0, *[1], *(2, 3), **{"x": 1}, **{"y": 2}))
print(f(**{"a": "A", "b": "B"}))
print(f(1, *"xy", d=0))
print(print(*"abc", sep="-"))
