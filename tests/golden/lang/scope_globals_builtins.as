def f():
    global newname
    newname = 1
f()
print("newname" in globals(), "f" in globals())
def g():
    local_only = 1
    return sorted(locals())
print(g())
print(type(globals()).__name__)
print(__name__)
