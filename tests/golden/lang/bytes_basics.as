b = b"hello"
print(b, len(b), b[0], b[-1], b[1:3], b[::-1])
print(list(b[:2]), b + b" world", b * 2, b"ell" in b, 104 in b)
print(bytes(3), bytes([65, 66, 67]), bytes("ab", "utf-8"), bytes(b"copy"))
print(b.upper(), b.split(b"l"), b.replace(b"l", b"L"), b.find(b"lo"), b.startswith(b"he"))
print(b.hex(), bytes.fromhex("48 69"), b.decode(), b"a,b".split(b","))
print(b"\x00\xfe\n\t'\"", repr(b"'"), repr(b"\x7f"))
print(b == b"hello", b < b"help", type(b).__name__, b.count(b"l"))
print(b"-".join([b"a", b"b"]), b.strip(b"ho"), b.index(b"l"))
try:
    b + "str"
except TypeError as e:
    print(e)
try:
    bytes([256])
except ValueError as e:
    print(e)
try:
    b[0] = 1
except TypeError as e:
    print(e)
