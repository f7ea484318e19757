def f(a, b=2):
    pass
def g():
    pass
def h(x):
    pass
for call in (lambda: f(1, 2, 3), lambda: g(1), lambda: h(1, 2), lambda: f(1, 2, 3, 4)):
    try:
        call()
    except TypeError as e:
        print(e)
class C:
    def m(self, x):
        pass
try:
    C().m(1, 2)
except TypeError as e:
    print(e)
def k(a, *, b):
    pass
try:
    k(1, 2, b=3)
except TypeError as e:
    print(e)
