try:
    g = (x for x in undefined_iterable)
except NameError as e:
    print("eager:", e)
def source():
    print("source called")
    return [1, 2]
g = (x * y for x in source() for y in missing_later)
print("generator created")
try:
    next(g)
except NameError as e:
    print("lazy:", e)
h = (n for n in range(3))
print(h.__next__(), list(h))
