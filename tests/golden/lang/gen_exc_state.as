import sys
def g(name):
    try:
        raise ValueError(name)
    except ValueError:
        yield 1
        print(name, sys.exc_info()[1])
        try:
            raise
        except ValueError as e:
            print("reraised", e)
        yield 2
a, b = g("a"), g("b")
next(a); next(b); next(a); next(b)
print(sys.exc_info())
try:
    raise KeyError("outer")
except KeyError:
    c = g("c")
    next(c)
    print(sys.exc_info()[1])
    next(c)
    print(repr(sys.exc_info()[1]))
