def f(a, b=1):
    """Docstring here."""
    return a
print(f.__name__, f.__doc__)
print(f.__defaults__, f.__qualname__)
def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__)
class C:
    def m(self):
        pass
print(C.m.__name__, C.m.__qualname__)
f.custom = 42
print(f.custom)
print(callable(f), type(f).__name__)
print((lambda: 0).__name__)
