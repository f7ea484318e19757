def ok():
    return 1

def also_ok(x):
    return x * 2

result = ok() +* also_ok(3)
