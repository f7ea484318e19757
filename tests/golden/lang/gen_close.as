def g():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
x = g()
print(next(x))
x.close()
print(next(x, "closed"))
x.close()
y = g()
y.close()
print("never started: no cleanup")
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(e)
def catches():
    try:
        yield
    except GeneratorExit:
        print("exiting quietly")
        raise
c = catches()
next(c)
c.close()
print(issubclass(GeneratorExit, Exception), issubclass(GeneratorExit, BaseException))
