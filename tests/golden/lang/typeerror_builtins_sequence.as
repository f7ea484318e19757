cases = [
    ("len(5)", lambda: len(5)),
    ("list(5)", lambda: list(5)),
    ("sorted(1)", lambda: sorted(1)),
    ("sum('ab')", lambda: sum("ab")),
    ("min(1)", lambda: min(1)),
    ("enumerate(1.5)", lambda: enumerate(1.5)),
    ("zip(5)", lambda: zip(5)),
    ("reversed(5)", lambda: reversed(5)),
    ("range('a')", lambda: range("a")),
    ("range(1, 2.5)", lambda: range(1, 2.5)),
    ("[].append()", lambda: [].append()),
    ("[].index()", lambda: [].index()),
    ("{}.get()", lambda: {}.get()),
    ("'a'.join()", lambda: "a".join()),
    ("[1, 2][1:'x']", lambda: [1, 2][1:"x"]),
    ("'abc'.split(None, 'x')", lambda: "abc".split(None, "x")),
    ("[3] * [1]", lambda: [3] * [1]),
    ("tuple(5)", lambda: tuple(5)),
]
for text, fn in cases:
    try:
        fn()
        print(text, "no error")
    except TypeError as e:
        print(text, "->", type(e).__name__ + ":", e)
