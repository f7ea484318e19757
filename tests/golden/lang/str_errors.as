idx = 1.5
cases = [
    lambda: "abc" + 5,
    lambda: "abc"[idx],
    lambda: "abc".find(5),
    lambda: "a".join([None]),
    lambda: "x" * 2.0,
    lambda: "abc".replace("a"),
    lambda: "abc".split(1),
    lambda: "x".zfill("5"),
    lambda: str.lower(5),
    lambda: "%d" % "s",
    lambda: "{0}".format(),
    lambda: ord("ab"),
    lambda: ord(""),
    lambda: chr(-1),
    lambda: chr("a"),
]
for c in cases:
    try:
        c()
    except Exception as e:
        print(type(e).__name__ + ":", e)
