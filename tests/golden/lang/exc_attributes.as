e = OSError(2, "No such file")
print(e.errno, e.strerror, str(e))
k = KeyError("key")
print(k.args, str(k), repr(k))
s = StopIteration(5)
print(s.value, s.args)
x = SystemExit("bye")
print(x.code, SystemExit().code, SystemExit(2).code)
try:
    open("/nonexistent/dir/file.txt")
except FileNotFoundError as f:
    print(type(f).__name__, f.errno, f.strerror, f.filename)
    print(f)
ex = ValueError("a", "b")
ex.extra = 1
print(ex.args, ex.extra)
try:
    raise ex
except ValueError as caught:
    print(caught.__traceback__ is not None)
n = NameError("m")
print(str(n))
a = AttributeError("attr")
print(a.args)
