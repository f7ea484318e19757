def add_hello(cls):
    cls.hello = lambda self: "hello from " + type(self).__name__
    return cls
registry = []
def register(cls):
    registry.append(cls.__name__)
    return cls
@register
@add_hello
class A:
    pass
@register
class B(A):
    pass
print(A().hello(), B().hello(), registry)
def replace(cls):
    return 42
@replace
class Gone:
    pass
print(Gone)
