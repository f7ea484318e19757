print(isinstance(1, int), isinstance(True, int), isinstance(1, float), isinstance("s", (int, str)))
print(isinstance([], list), isinstance({}, dict), isinstance(None, type(None)), isinstance(int, type))
print(issubclass(bool, int), issubclass(int, object), issubclass(list, (str, list)), issubclass(type, object))
print(isinstance(1, (float, (str, int))))
class A: pass
class B(A): pass
print(isinstance(B(), A), issubclass(B, B), issubclass(A, B))
for call in (lambda: isinstance(1, 1), lambda: issubclass(1, int), lambda: issubclass(int, "x"), lambda: isinstance(1, (int, 2.0))):
    try:
        print(call())
    except TypeError as e:
        print(e)
