def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    inner()
    inner()
    return x
print(outer())
def a():
    v = "a"
    def b():
        def c():
            nonlocal v
            v = "c"
        c()
        return v
    return b(), v
print(a())
