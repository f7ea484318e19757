d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), d["a"], "a" in d, 2 in d)
d["b"] = 20
print(d)
del d["b"]
d["b"] = 200
print(d, list(d))
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": 1}, z=0), dict())
print({1: "int", 1.0: "float?", True: "bool?"})
print({(1, 2): "t", None: "n", 2.5: "f", "s": "s", frozenset([1]): "fs"})
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e, repr(e))
try:
    d[[1]] = 1
except TypeError as e:
    print(e)
