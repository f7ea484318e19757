add = lambda a, b=2: a + b
print(add(1), add(1, 5))
print((lambda: "no args")())
print((lambda *a, **k: (a, k))(1, 2, x=3))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
fns = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in fns])
print(add.__name__)
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, abs)(-4) + "!")
print((lambda x, /, y, *, z: (x, y, z))(1, 2, z=3))
