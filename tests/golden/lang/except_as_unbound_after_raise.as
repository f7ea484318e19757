# The `as` name of an except clause is unbound after the handler, however the handler ends.
def f():
    try:
        try:
            1 / 0
        except ZeroDivisionError as e:
            raise ValueError("inner")
    except ValueError as v:
        print("caught", v, repr(v.__context__))
    try:
        print(e)
    except UnboundLocalError as u:
        print("unbound:", u)


def g():
    for i in range(2):
        try:
            raise KeyError(i)
        except KeyError as k:
            if i == 0:
                continue
            return repr(k)


f()
print(g())
try:
    try:
        raise OSError("a")
    except OSError as err:
        raise
except OSError as again:
    print("again", again)
print("err" in dir())
