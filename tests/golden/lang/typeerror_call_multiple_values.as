def f(a, b):
    pass
try:
    f(1, a=2)
except TypeError as e:
    print(e)
try:
    f(1, 2, **{"b": 3})
except TypeError as e:
    print(e)
def g(a, **kw):
    pass
try:
    g(1, **{"a": 2})
except TypeError as e:
    print(e)
try:
    g(**{"x": 1}, **{"x": 2})
except TypeError as e:
    print(e)
try:
    f(*[1], **[2])
except TypeError as e:
    print(e)
try:
    f(*5)
except TypeError as e:
    print(e)
