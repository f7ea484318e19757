# Bytes literals and their escapes.
b = b"abc\x00\xff\n"
print(b, len(b))
print(B'single', b"\x41\x42")
print(b"\t\\", br"\t")
print(b"a" == bytes([97]))
print(list(b"AZ"))
print(b"""multi
line""")
