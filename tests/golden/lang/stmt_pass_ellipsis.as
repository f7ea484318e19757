def f():
    pass
class C:
    pass
def g():
    ...
print(f(), g(), C.__name__)
if True:
    pass
for _ in range(2):
    pass
print(..., Ellipsis, ... is Ellipsis, type(...).__name__)
