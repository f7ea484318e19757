def f():
    try:
        raise ValueError("original")
    finally:
        raise KeyError("from finally")
try:
    f()
except KeyError as e:
    print(repr(e), repr(e.__context__))
def g():
    for i in range(3):
        try:
            raise IndexError(i)
        finally:
            if i < 2:
                continue
    return "done"
try:
    print(g())
except IndexError as e:
    print("escaped", e)
def h():
    try:
        return 1
    finally:
        print("cleanup in h")
print(h())
