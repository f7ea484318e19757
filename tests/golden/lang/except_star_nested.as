def f():
    raise ExceptionGroup("top", [
        ValueError(1),
        ExceptionGroup("mid", [TypeError(2), ValueError(3)]),
    ])
try:
    f()
except* ValueError as eg:
    print(repr(eg))
except* TypeError as eg:
    print(repr(eg))
try:
    try:
        f()
    except* ValueError:
        raise KeyError("new")
except ExceptionGroup as eg:
    print(type(eg).__name__, [type(e).__name__ for e in eg.exceptions])
try:
    try:
        raise ExceptionGroup("x", [ValueError("only")])
    except* ValueError:
        raise
except ExceptionGroup as eg:
    print("re-raised:", eg.exceptions)
