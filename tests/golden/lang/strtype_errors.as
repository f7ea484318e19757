# Error types and messages of str operations.
KEY = "a"
cases = [
    lambda: "abc" + 5, lambda: "abc"[1.5], lambda: "abc"[3], lambda: "abc"[-4], lambda: "abc"[KEY],
    lambda: "abc".find(5), lambda: "a".join([None]), lambda: "a".join(["a", 1]), lambda: "a".join(5),
    lambda: "x" * 2.0, lambda: "x" * "y", lambda: 2.5 * "x", lambda: 1 in "a", lambda: "a" < 1,
    lambda: "abc".replace("a"), lambda: "abc".replace(1, "b"), lambda: "abc".split(1), lambda: "abc".split(""),
    lambda: "x".zfill("5"), lambda: "a".join(), lambda: "a".upper(1), lambda: "a".count(),
    lambda: "a".find(), lambda: "a".startswith(), lambda: "a".strip(1), lambda: "a".center(),
    lambda: "a".center(5, "ab"), lambda: "a".ljust(3, 5), lambda: "a".zfill(),
    lambda: "a".partition(""), lambda: "a".index("b"), lambda: "a".rindex("b"),
    lambda: "a".startswith(1), lambda: "a".startswith((1,)), lambda: "a".endswith(["a"]),
    lambda: "a".expandtabs("x"), lambda: "a".removeprefix(1), lambda: "a".upper(x=1),
    lambda: "a".count(1), lambda: "a".translate(1), lambda: str.maketrans("ab", "c"),
    lambda: str.maketrans(1), lambda: str(b"\xff", "utf-8"), lambda: str("a", "utf-8"),
    lambda: str(1, 2), lambda: "x".encode("utf-8", 5), lambda: "a".rsplit(None, "x"),
    lambda: "a".splitlines(1, 2), lambda: "abc"[::0], lambda: "%s" % (), lambda: str(5, "utf-8"),
]
for c in cases:
    try:
        print(repr(c()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
