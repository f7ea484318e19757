import sys
p = "/tmp/aspen_golden_bi2_file.txt"
def t(f):
    try:
        r = f()
        print("OK", repr(r))
    except Exception as e:
        print(type(e).__name__, e)
f = open(p, "w")
print(type(f).__name__, f.name, f.mode, f.encoding, f.closed, f.readable(), f.writable())
print(f.write("a\r\nb\rc\nd"), f.tell())
t(lambda: f.read())
f.close()
t(lambda: f.write("x"))
t(lambda: f.read())
t(lambda: f.tell())
t(lambda: f.fileno())
f.close()
print(f.closed)
with open(p) as f:
    print(repr(f.read()))
with open(p, newline="") as f:
    print(repr(f.read()))
with open(p, newline="") as f:
    print(f.readlines())
with open(p) as f:
    print(f.readlines())
with open(p, newline="\r") as f:
    print(f.readlines())
with open(p, "rb") as f:
    print(f.readlines(), f.tell())
    print(f.seek(0), f.read(3), f.tell(), f.seek(-2, 2), f.read())
with open(p, "r+") as f:
    print(f.read(2))
    f.seek(0)
    f.write("Z")
    f.seek(0)
    print(repr(f.read()))
with open(p, "a+") as f:
    f.write("END")
    f.seek(0)
    print(repr(f.read()))
t(lambda: open(p, "rw"))
t(lambda: open(p, "rbt"))
t(lambda: open(p, "b"))
t(lambda: open(p, "rb", encoding="utf-8"))
t(lambda: open(p, "rb", newline=""))
t(lambda: open(p, "rb", errors="strict"))
t(lambda: open(p, newline="x"))
t(lambda: open(p, buffering=0))
t(lambda: open(p, encoding="klingon"))
t(lambda: open("/tmp"))
t(lambda: open("/tmp", "w"))
t(lambda: open(p, "x"))
t(lambda: open())
t(lambda: open(p, mode=5))
t(lambda: open("a\0b"))
try:
    open("/nonexistent/zz")
except OSError as e:
    print(e.errno, e.strerror, e.filename, e.args, isinstance(e, FileNotFoundError))
with open(p, "w") as f:
    t(lambda: f.read())
    t(lambda: f.write(5))
with open(p) as f:
    t(lambda: f.write("x"))
    t(lambda: f.seek(1, 1))
    t(lambda: f.seek(0, 2))
    t(lambda: f.read(1.5))
    t(lambda: f.read(None))
with open(p, "wb") as f:
    print(type(f).__name__, f.mode)
    t(lambda: f.write("s"))
    t(lambda: f.write(bytearray(b"xyz")))
    t(lambda: f.read())
with open(p, "rb", buffering=0) as f:
    print(type(f).__name__, f.mode, f.read())
with open(p, "r+b") as f:
    print(type(f).__name__, f.mode)
with open(p, "ab") as f:
    print(type(f).__name__, f.mode)
f = open(p, "w", encoding="utf-8")
f.write("héllo\nwörld\n")
f.close()
for line in open(p):
    print(repr(line))
f = open(p)
print(f.read(2), f.readline(), f.readline(3), f.readline(), repr(f.readline()))
print(repr(f))
f.close()
t(lambda: next(f))
with open(p, "wb") as f:
    f.write(b"ok\xff\xfe\n")
t(lambda: open(p).read())
print(repr(open(p, errors="replace").read()))
print(repr(open(p, errors="ignore").read()))
print(open(p, "rb").read(0), repr(open(p).read(0)))
with open(p, "w") as f:
    print("to file", 1, 2, sep="-", file=f)
    f.writelines(("x", "y\n"))
print(open(p).read(), end="")
with open(p, "w", newline="\r\n") as f:
    f.write("a\nb\n")
print(open(p, "rb").read())
f = open(p)
print(f.__enter__() is f, f.__exit__(None, None, None), f.closed)
t(lambda: f.__enter__())
fd = open(p).fileno()
print(type(fd).__name__)
