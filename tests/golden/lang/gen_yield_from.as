def inner():
    x = yield "i1"
    print("inner got", x)
    yield "i2"
    return "inner result"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield from [10, 20]
    yield from range(2)
    return "outer done"
g = outer()
print(next(g))
print(g.send("sent"))
print(list(g))
def flatten(items):
    for it in items:
        if isinstance(it, list):
            yield from flatten(it)
        else:
            yield it
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
def delegator():
    try:
        yield from thrower()
    except ValueError as e:
        yield f"outer caught {e}"
def thrower():
    yield 1
    yield 2
d = delegator()
print(next(d), d.throw(ValueError("v")))
