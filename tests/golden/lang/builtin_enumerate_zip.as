for i, c in enumerate("abc"):
    print(i, c)
print(list(enumerate(["x", "y"], 10)), list(enumerate([], 1)))
print(list(zip([1, 2, 3], "ab", (True, False, None))))
names, scores = zip(*[("a", 1), ("b", 2)])
print(names, scores)
print(dict(zip("abc", range(3))))
try:
    enumerate(5)
except TypeError as e:
    print(e)
try:
    zip(1, [2])
except TypeError as e:
    print(e)
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print(e)
