fns = []
for i in range(3):
    fns.append(lambda: i)
print([f() for f in fns])
fns = []
for i in range(3):
    fns.append(lambda i=i: i)
print([f() for f in fns])
def make():
    out = []
    for j in range(3):
        def f():
            return j
        out.append(f)
    return out
print([f() for f in make()])
