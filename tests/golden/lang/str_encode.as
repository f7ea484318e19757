s = "héllo €"
b = s.encode()
print(b, len(s), len(b))
print(s.encode("utf-8") == b, b.decode("utf-8"))
print("abc".encode("ascii"), "é".encode("latin-1"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print("é".encode("ascii", "replace"), b"\xffa".decode("utf-8", "replace"), b"\xffa".decode("utf-8", "ignore"))
print(issubclass(UnicodeError, ValueError))
