def f():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(f())
def g():
    try:
        return "try"
    finally:
        return "finally wins"
print(g())
def h():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(h())
def loop():
    out = []
    for i in range(3):
        try:
            if i == 1:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop())
def nested():
    try:
        try:
            raise KeyError("inner")
        finally:
            print("inner finally")
    except KeyError:
        print("outer except")
    finally:
        print("outer finally")
nested()
def value_at_return():
    x = 1
    try:
        return x
    finally:
        x = 2
print(value_at_return())
