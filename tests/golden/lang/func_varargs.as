def f(*args):
    return args
print(f(), f(1), f(1, 2, 3))
def g(a, *rest):
    return a, rest
print(g(1), g(1, 2, 3))
def total(*nums, start=0):
    return start + sum(nums)
print(total(1, 2, 3), total(1, 2, start=10))
def h(**kw):
    return kw
print(h(), h(a=1, b=2))
def both(*a, **k):
    return a, k
print(both(1, x=2))
print(type(f(1)).__name__, type(h(a=1)).__name__)
