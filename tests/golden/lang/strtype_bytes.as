# bytes and bytearray.
KEY = "x"
b = b"hello world"
print(b, repr(b), len(b), b[0], b[-1], b[1:5], b[::-2], b[100:], list(b[:3]))
print(b"it's", b'say "x"', b"both ' \"", b"\x00\x01\t\n\r\\\x7f\x80\xff")
print(b + b"!", b * 2, 3 * b"ab", b"lo" in b, 111 in b, 300 in b"a" if False else 0, b"" in b)
print(b == b"hello world", b != b"x", b"abc" < b"abd", b"ab" < b"abc", b"b" > b"abc", b == "hello world")
print(bytes(), bytes(3), bytes([1, 2, 255]), bytes(range(65, 70)), bytes("hé", "utf-8"), bytes(b"x"), bytes(bytearray(b"ba")))
print(b.upper(), b.split(), b.split(b"o"), b.split(b"o", 1), b.rsplit(b"o", 1), b"  x  ".strip(), b"xxaxx".strip(b"x"), b"  a b ".rsplit())
print(b.find(b"o"), b.rfind(b"o"), b.find(111), b.index(b"w"), b.count(b"o"), b.count(b"l", 3), b.startswith(b"he"), b.endswith((b"x", b"ld")))
print(b.replace(b"o", b"0"), b.replace(b"l", b"L", 2), b"-".join([b"a", bytearray(b"b"), b"c"]), b.hex(), bytes.fromhex("48 65 6c6c 6f"), b"AbC".lower(), b"AbC".swapcase())
print(b.decode(), b"caf\xc3\xa9".decode("utf-8"), b"\xe9".decode("latin-1"), b"abc".isalpha(), b"12".isdigit(), b"a1".isalnum(), b" \t".isspace())
print([x for x in b"abc"], hash(b"abc") == hash(b"ab" + b"c"), {b"k": 1}[b"k"], type(b).__name__, bytes.__name__)
ba = bytearray(b"abc")
print(ba, repr(ba), len(ba), ba[0], ba[1:], ba == b"abc", type(ba[1:]).__name__)
ba[0] = 65
ba.append(100)
ba.extend(b"ef")
ba.extend([1, 2])
print(ba, ba.pop(), ba.pop(0), ba)
ba += b"!!"
del ba[0]
print(ba, bytes(ba), ba.decode())
ba2 = bytearray(b"0123456789")
ba2[1:3] = b"AB"
ba2[5:7] = b""
ba2[::3] = b"xyz"
del ba2[::4]
print(ba2, ba2.upper(), ba2.find(b"A"), b"A" in ba2)
ba2.insert(0, 33)
ba2.remove(ord("A"))
ba2.reverse()
print(ba2, ba2.copy(), bytearray(3), bytearray([1, 2]), bytearray("hé", "utf-8"), bytearray.fromhex("ff00"))
ba2.clear()
print(ba2, len(ba2))
cases = [
    lambda: b"a" + "s", lambda: bytes([256]), lambda: bytes([-1]), lambda: bytes(["a"]), lambda: bytes("abc"),
    lambda: bytes(-1), lambda: b"a"[5], lambda: bytearray(b"a")[5], lambda: b"a"[KEY],
    lambda: bytearray(b"a").pop(5), lambda: bytearray().pop(), lambda: "a" in b"abc",
    lambda: bytes.fromhex("zz"), lambda: b"\xff".decode(), lambda: b"\xff".decode("ascii"),
    lambda: b"x".decode("nope"), lambda: b"x".index(b"y"), lambda: hash(bytearray()),
    lambda: bytearray(b"ab").remove(9), lambda: b"x" * 1.5,
]
for c in cases:
    try:
        print(repr(c()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
try:
    b[0] = 1
except TypeError as e:
    print(e)
ba3 = bytearray(b"ab")
try:
    ba3[0] = 300
except ValueError as e:
    print(e)
try:
    ba3.append("a")
except TypeError as e:
    print(e)
try:
    ba3[::2] = b"xyz"
except ValueError as e:
    print(e)
