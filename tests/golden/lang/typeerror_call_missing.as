def f(a, b, c=1):
    return a
for call in (lambda: f(), lambda: f(1), lambda: f(b=2)):
    try:
        call()
    except TypeError as e:
        print(e)
def g(x):
    pass
try:
    g()
except TypeError as e:
    print(e)
def h(a, b, c, d):
    pass
try:
    h(1)
except TypeError as e:
    print(e)
