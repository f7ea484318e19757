path = "/tmp/aspen_golden_open_text.txt"
with open(path, "w") as f:
    n = f.write("first line\n")
    f.write("second line\n")
    print(n, f.closed)
print(f.closed)
with open(path) as f:
    print(repr(f.read()))
with open(path, "r", encoding="utf-8") as f:
    print(f.readline(), end="")
    print(f.readlines())
with open(path, "a") as f:
    print("appended", file=f)
with open(path) as f:
    for line in f:
        print(line.rstrip("\n"))
f = open(path)
print(f.read(5), f.read(3))
f.close()
with open(path, "w") as f:
    f.writelines(["a\n", "é b\n"])
with open(path) as f:
    print(f.read().splitlines())
try:
    open("/tmp/aspen_golden_definitely_missing_dir/x.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e)
try:
    open(path, "zz")
except ValueError as e:
    print(e)
try:
    open(5.5)
except TypeError as e:
    print(e)
