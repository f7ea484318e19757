try:
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("converted") from e
except ValueError as v:
    print(repr(v.__cause__), repr(v.__context__), v.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("during handling")
except TypeError as t:
    print(t.__cause__, repr(t.__context__), t.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("hidden") from None
except TypeError as t:
    print(t.__cause__, repr(t.__context__), t.__suppress_context__)
try:
    raise ValueError("x") from KeyError("y")
except ValueError as v:
    print(repr(v.__cause__), v.__context__)
e = Exception()
print(e.__cause__, e.__context__, e.__traceback__)
try:
    raise ValueError from 5
except TypeError as t:
    print(t)
