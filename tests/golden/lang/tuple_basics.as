t = (1, "two", 3.0)
print(t, len(t), t[1], t[-1], t[1:])
print((), (1,), tuple("ab"), tuple([1, 2]), tuple(range(3)), 1,)
single = 5,
print(single, type(single).__name__)
print(t.index("two"), (1, 1, 2).count(1), (1, 2) + (3,), (0,) * 3)
print((1, 2) < (1, 3), (1, 2) == (1, 2), (2,) > (1, 99), (1, (2, 3)) == (1, (2, 3)))
a, b, c = t
print(a, b, c)
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pt"}[(1, 2)])
try:
    t.index(99)
except ValueError as e:
    print(e)
try:
    t[5]
except IndexError as e:
    print(e)
try:
    hash((1, [2]))
except TypeError as e:
    print(e)
