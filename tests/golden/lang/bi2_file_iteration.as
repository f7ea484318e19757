# Files: line iteration, readline/readlines sizes, universal newlines, tell/seek round trips,
# writelines, closing by `with` on error, and the name/mode/closed attributes.
p = "/tmp/aspen_golden_bi2_iter.txt"
with open(p, "w") as f:
    for i in range(5):
        f.write(f"line {i}\n")
with open(p) as f:
    print([line.strip() for line in f])
with open(p) as f:
    print(f.readline(3), f.readline(), f.readlines(8))
with open(p) as f:
    first = next(f)
    rest = list(f)
    print(repr(first), len(rest), repr(f.read()))
with open(p, "rb") as f:
    print(next(f), f.tell(), f.readline(2), f.seek(0, 1))
    f.seek(0)
    print(len(f.readlines()), f.read(), f.tell())
try:
    with open(p) as f:
        raise KeyError("boom")
except KeyError as e:
    print("caught", e, f.closed)
with open(p, "wb") as f:
    f.write(b"one\r\ntwo\rthree\n")
with open(p) as f:
    print(list(f))
with open(p, newline="") as f:
    print(list(f))
with open(p, newline="\r\n") as f:
    print(list(f))
with open(p, "w") as f:
    f.writelines(str(i) + "," for i in range(10))
    print(f.name == p, f.mode, f.closed)
print(f.closed, open(p).read())
f = open(p, "a")
f.write("!")
f.close()
print(open(p).read(), open(p, "rb").read()[-3:])
for mode in ("r", "rb", "w", "wb", "a", "ab", "r+", "rb+", "w+b", "x"):
    try:
        with open(p, mode) as f:
            print(mode, type(f).__name__, f.mode, f.readable(), f.writable())
    except FileExistsError as e:
        print(mode, type(e).__name__, e.errno, e.strerror)
