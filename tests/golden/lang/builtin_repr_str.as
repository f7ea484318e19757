print(repr(1), repr("a'b"), repr("a\"b'c"), repr([1, "x"]), repr((1,)), repr({1: "a"}), repr(None), repr(1.0))
print(repr("\n\t\\"), repr("é"), repr("\x00\x7f"), repr("😀"), repr(b"x"), repr(2 ** 70))
print(str(1), str("a"), str(1.25), str([1, "a"]), str(()), str(True), str(b"\x01"))
print(str(b"abc", "utf-8"), str(b"a\xffb", "utf-8", "replace"))
print(repr(range(2)), repr(slice(1, 2)), repr(set()), repr(frozenset()), repr({}), repr(Ellipsis))
print(repr(print), repr(len), repr(int), repr(ValueError))
try:
    str(b"\xff", "utf-8")
except UnicodeDecodeError as e:
    print(e)
try:
    str(5, "utf-8")
except TypeError as e:
    print(e)
