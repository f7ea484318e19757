def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("result", result)
        return result
    return wrapper
@trace
def add(a, b):
    return a + b
add(2, b=3)
def twice(fn):
    return lambda *a: fn(fn(*a))
@twice
@trace
def inc(x):
    return x + 1
print(inc(1))
print(add.__name__)
