# Non-ASCII text: Ukrainian (Cyrillic), Greek and Latin-1 case mapping, indexing and search.
s = "Привіт, Світе! Ґанок, їжак, єнот."
print(s.upper())
print(s.lower())
print(s.swapcase())
print(s.title(), "|", "ґАНОК".capitalize())
print(len(s), s[0], s[-1], s[8:13], s[::-3], s.find("Світ"), s.index("ї"), s.rfind("е"))
print(s.split(", "), s.count("і"), s.replace("і", "i"), "ї" in s)
print("Київ".center(10, "·"), "Київ".ljust(6, "—") + "|", "Київ".zfill(6))
print("ΟΔΟΣ ΣΑΣ".lower(), "Σ".lower(), "ΣΣ".lower(), "αβγ".upper(), "ŉ ß ﬁ".upper(), "ß".title(), "ß".casefold(), "µſ".casefold())
print("ÀÉÎÕÜ àéîõü ÿ".swapcase(), "ǅemal".swapcase(), "ǅ".upper(), "ǆ".title(), "İ".lower(), len("İ".lower()))
print("привіт".isalpha(), "Привіт".istitle(), "ПРИВІТ".isupper(), "привіт".islower(), "при віт".isalpha())
print("٣".isdecimal(), "²".isdigit(), "²".isdecimal(), "½".isnumeric(), "五".isnumeric(), "Ⅻ".isnumeric())
print(repr("\xa0\xad\u2028 ü"), "\xa0".isspace(), "\u3000".isspace(), "\xa0".isprintable())
print(sorted(["яблуко", "Ананас", "груша", "Їжак", "ґудзик"]))
print([ord(c) for c in "Ґґ"], "".join(reversed("абв")), "абвгд"[1:4], "абвгд"[::2])
print("міс".encode(), "naïve".encode("latin-1"), "abc".encode("ascii"))
print(b"\xd0\xbc\xd1\x96\xd1\x81".decode(), bytes("ї", "utf-8"), str(b"\xc3\xa9", "utf-8"))
print("x€y".encode("ascii", "replace"), "x€y".encode("ascii", "ignore"), "x€y".encode("latin-1", "backslashreplace"))
print(b"a\xffb".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"), b"a\xffb".decode("latin-1"), b"\xe2\x82".decode("utf-8", "replace"))
for bad in [b"\xff", b"a\xe9b", b"\xe2\x82", b"\xf0\x9f\x98", b"\xed\xa0\x80"]:
    try:
        bad.decode()
    except UnicodeDecodeError as e:
        print(e)
for txt, enc in [("é", "ascii"), ("aéè", "ascii"), ("€", "latin-1")]:
    try:
        txt.encode(enc)
    except UnicodeEncodeError as e:
        print(e)
try:
    "x".encode("nope")
except LookupError as e:
    print(e)
