value = "global"
def outer():
    value = "outer local"
    def inner():
        global value
        value = "set by inner"
    inner()
    return value
print(outer(), value)
def make():
    def g():
        return later
    later = "defined after g"
    return g
print(make()())
def shadow(print=print):
    print("default arg captured builtin")
shadow()
