print(chr(65), chr(97), chr(8364), chr(128512), chr(0) == "\x00", chr(0x10FFFF) == "\U0010ffff")
print(ord("A"), ord("é"), ord("€"), ord("😀"), ord("\n"), ord(b"a"), ord(bytearray(b"z")))
print("".join(chr(ord(c) + 1) for c in "HAL"))
for call in (lambda: chr(0x110000), lambda: chr(-1), lambda: chr(1.5), lambda: ord(5), lambda: ord("xy"), lambda: ord(b"ab")):
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
