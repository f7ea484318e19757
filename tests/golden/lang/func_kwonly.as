def f(a, *, b, c=3):
    return a, b, c
print(f(1, b=2), f(1, c=0, b=2))
def g(*args, key):
    return args, key
print(g(1, 2, key="k"))
try:
    f(1, 2)
except TypeError as e:
    print(e)
try:
    f(1)
except TypeError as e:
    print(e)
def h(*, a, b):
    return a + b
try:
    h()
except TypeError as e:
    print(e)
