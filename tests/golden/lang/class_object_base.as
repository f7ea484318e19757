class E:
    pass
print(E.__bases__, E.__mro__, object.__bases__)
print(isinstance(E(), object), isinstance(5, object), isinstance(E, object), issubclass(E, object))
o = object()
try:
    o.x = 1
except AttributeError as e:
    print(e)
print(type(o).__name__, type(E), type(type), type(5))
print(E.__name__, E.__qualname__, E.__module__)
print(sorted(k for k in dir(E()) if not k.startswith("__")))
class F:
    a = 1
    def m(self):
        pass
print(sorted(k for k in dir(F) if not k.startswith("__")), sorted(k for k in vars(F) if not k.startswith("__")))
