def count(n):
    print("start")
    i = 0
    while i < n:
        yield i
        i += 1
    print("end")
g = count(3)
print(type(g).__name__)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print(list(count(2)))
print(next(g, "exhausted"))
def empty():
    return
    yield
print(list(empty()))
print(iter(g) is g)
