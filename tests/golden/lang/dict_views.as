d = {"one": 1, "two": 2, "three": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
d["four"] = 4
print(list(k), list(v), list(it))
print(len(k), "one" in k, 2 in v, ("two", 2) in it)
print(k & {"one", "x"}, sorted(k | {"five"}), sorted(k - {"one"}))
for key, val in d.items():
    print(key, val)
print(sorted(d), sorted(d.values(), reverse=True))
print(type(k).__name__, type(v).__name__, type(it).__name__)
try:
    for key in d:
        d["new"] = 0
except RuntimeError as e:
    print(e)
