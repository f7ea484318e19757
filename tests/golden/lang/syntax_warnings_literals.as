# CPython's compile-time SyntaxWarnings for misused literals: "is" with a literal, calling a
# literal or subscripting one wrongly ("perhaps you missed a comma?"). Each is shown every time.
x = 1
if x is 1:
    print("one")
print(x is not "a", x is None, x is ..., x is True, x is -1, x is (1, 2), x is (x, 1), 1 is x is 2)
print(x is f"{x}")
for i in range(2):
    print(x is 2)
tests = [
    lambda: [1, 2] (3),
    lambda: (1, 2)(3),
    lambda: "abc"(),
    lambda: None(),
    lambda: {1: 2}(),
    lambda: f"{x}"(),
    lambda: (i for i in [])(),
    lambda: "abc"[1.5],
    lambda: "abc"["x"],
    lambda: [1, 2][(1,)],
    lambda: (1, 2)[None],
    lambda: 5[0],
    lambda: None[0],
    lambda: {1, 2}[0],
    lambda: (lambda: 1)[0],
    lambda: "abc"[True],
    lambda: "abc"[1:2],
    lambda: [1, 2][x],
    lambda: b"ab"[1.0],
    lambda: -1[0],
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print("TypeError:", e)
