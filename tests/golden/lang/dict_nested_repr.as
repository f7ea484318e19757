data = {"users": [{"name": "a", "tags": ("x", "y")}, {"name": "b", "tags": ()}], "count": 2, "meta": None}
print(data)
print(data["users"][0]["tags"][1], len(data["users"]))
d = {}
d["self"] = d
print(d)
l = [1]
t = (l,)
l.append(t)
print(l, t)
print({1: [2, {3: (4, {5})}]})
print(repr({"quote'": 'dq"'}), {0.5: -0.0, None: ...})
