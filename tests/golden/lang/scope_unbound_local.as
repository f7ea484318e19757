x = 1
def f():
    print(x)
    x = 2
try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, e)
print(issubclass(UnboundLocalError, NameError))
def g():
    del y
    y = 3
def h():
    def inner():
        return v
    try:
        return inner()
    except NameError as e:
        print(type(e).__name__, e)
    v = 1
h()
try:
    undefined_name
except NameError as e:
    print(e)
