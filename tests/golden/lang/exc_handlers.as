def classify(fn):
    try:
        fn()
    except (KeyError, IndexError) as e:
        return "lookup " + type(e).__name__
    except ArithmeticError:
        return "math"
    except Exception as e:
        return "other " + type(e).__name__
    else:
        return "no error"
print(classify(lambda: {}["x"]), classify(lambda: [][1]), classify(lambda: 1 / 0))
print(classify(lambda: int("z")), classify(lambda: None))
try:
    try:
        raise ValueError("a")
    except ValueError as e:
        print("handled", e)
        raise KeyError("b")
except KeyError as e:
    print("outer", e)
e = "before"
try:
    raise ValueError("temp")
except ValueError as e:
    pass
try:
    print(e)
except NameError as err:
    print("name cleared:", err)
try:
    pass
except:
    print("never")
else:
    print("bare else")
try:
    raise SystemExit(3)
except BaseException as b:
    print(type(b).__name__, b.code)
