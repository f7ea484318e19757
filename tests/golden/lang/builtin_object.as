o = object()
print(type(o).__name__, isinstance(o, object), o == o, o != object())
print(object.__name__, type(object), object.__bases__)
try:
    object(1)
except TypeError as e:
    print(e)
class C:
    pass
print(C.__base__ is object, issubclass(C, object))
print(str(o).startswith("<object object at "), repr(C()).startswith("<__main__.C object at "))
