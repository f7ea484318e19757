def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hi(name):
    return "hi " + name
print(hi("x"))
registry = {}
def register(key):
    def deco(fn):
        registry[key] = fn
        return fn
    return deco
@register("sq")
def square(v):
    return v * v
print(registry["sq"](7), square(3))
class Holder:
    deco = staticmethod(lambda f: f)
@Holder.deco
def plain():
    return "plain"
print(plain())
@(lambda f: f)
def expr_deco():
    return "expr"
print(expr_deco())
