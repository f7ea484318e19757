cases = [
    ("abs('x')", lambda: abs("x")),
    ("int([])", lambda: int([])),
    ("float({})", lambda: float({})),
    ("round([])", lambda: round([])),
    ("divmod(1, 'x')", lambda: divmod(1, "x")),
    ("pow(1, 'x')", lambda: pow(1, "x")),
    ("hex('1')", lambda: hex("1")),
    ("oct(1.0)", lambda: oct(1.0)),
    ("bin(None)", lambda: bin(None)),
    ("chr('a')", lambda: chr("a")),
    ("ord(1)", lambda: ord(1)),
    ("bool(x=1)", lambda: bool(x=1)),
    ("1 < 'a'", lambda: 1 < "a"),
    ("'a' * 1.5", lambda: "a" * 1.5),
    ("-[]", lambda: -[]),
    ("1 + None", lambda: 1 + None),
    ("int('1', 'x')", lambda: int("1", "x")),
    ("range(2 ** 0.5)", lambda: range(2 ** 0.5)),
]
for text, fn in cases:
    try:
        fn()
        print(text, "no error")
    except TypeError as e:
        print(text, "->", type(e).__name__ + ":", e)
