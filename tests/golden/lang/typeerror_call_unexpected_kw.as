def f(a, b):
    pass
try:
    f(1, 2, c=3)
except TypeError as e:
    print(e)
try:
    f(a=1, b=2, zz=3, yy=4)
except TypeError as e:
    print(e)
class C:
    def __init__(self, x):
        pass
try:
    C(y=1)
except TypeError as e:
    print(e)
try:
    (lambda: 0)(q=1)
except TypeError as e:
    print(e)
