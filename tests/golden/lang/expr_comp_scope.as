x = "outer"
lst = [x for x in range(3)]
print(x, lst)
y = 10
print([y + i for i in range(3)])
class C:
    v = 5
    items = [v * 2]
    try:
        doubled = [v * i for i in range(3)]
    except NameError as e:
        err = str(e)
print(C.items, C.err)
print([(lambda: i)() for i in range(3)])
fns = [lambda: i for i in range(3)]
print([f() for f in fns])
def f():
    n = 2
    return [n * k for k in range(3)]
print(f())
try:
    print(k)
except NameError as e:
    print(e)
