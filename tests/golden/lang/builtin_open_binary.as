path = "/tmp/aspen_golden_open_binary.bin"
with open(path, "wb") as f:
    print(f.write(b"\x00\x01\xffabc"))
    f.write(bytes(range(3)))
with open(path, "rb") as f:
    data = f.read()
print(data, len(data), type(data).__name__)
with open(path, "rb") as f:
    print(f.read(2), f.read(2), f.read())
with open(path, "w", encoding="utf-8") as f:
    f.write("héllo")
with open(path, "rb") as f:
    print(f.read())
with open(path, "wb") as f:
    try:
        f.write("text")
    except TypeError as e:
        print(e)
with open(path, "w") as f:
    try:
        f.write(b"bytes")
    except TypeError as e:
        print(e)
