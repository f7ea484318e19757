def g():
    yield 1
    return "the value"
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print(repr(e.value), e.args)
def h():
    return 5
    yield
try:
    next(h())
except StopIteration as e:
    print(e.value)
def no_ret():
    yield
n = no_ret()
next(n)
try:
    next(n)
except StopIteration as e:
    print(e.value, e.args)
def leak():
    raise StopIteration("inside")
    yield
try:
    next(leak())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
