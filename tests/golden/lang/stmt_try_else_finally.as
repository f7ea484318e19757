def f(x):
    try:
        r = 10 // x
    except ZeroDivisionError as e:
        print("except:", e)
        return "error"
    else:
        print("else:", r)
        return "ok"
    finally:
        print("finally", x)
print(f(2))
print(f(0))
try:
    pass
finally:
    print("plain finally")
try:
    int("x")
except (TypeError, ValueError) as e:
    print(type(e).__name__)
try:
    raise KeyError("k")
except IndexError:
    print("no")
except LookupError as e:
    print("lookup", repr(e))
