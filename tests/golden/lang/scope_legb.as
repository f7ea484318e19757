x = "global"
def outer():
    x = "enclosing"
    def inner():
        x = "local"
        return x
    def reads():
        return x
    return inner(), reads()
print(outer(), x)
def uses_builtin():
    return len("abc")
print(uses_builtin())
len = lambda s: "shadowed"
print(len("abc"))
del len
print(len("abc"))
