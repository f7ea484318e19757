a = [1, 2]
b = (3, 4)
print([*a, *b, 5])
print((*a, *b))
print({*a, *b, 1})
d1 = {"x": 1, "y": 2}
d2 = {"y": 20, "z": 30}
print({**d1, **d2})
print({**d1, "w": 0, **d2, "x": 100})
print([*range(3), *"ab"])
print(*[1, 2], *[3])
t = *a, 9
print(t)
print([], (), {}, set(), [[]], ((),), {1: {}})
