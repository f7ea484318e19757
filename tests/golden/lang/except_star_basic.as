try:
    raise ExceptionGroup("group", [ValueError("a"), TypeError("b"), ValueError("c")])
except* ValueError as eg:
    print("ValueErrors:", [str(e) for e in eg.exceptions], type(eg).__name__)
except* TypeError as eg:
    print("TypeErrors:", [str(e) for e in eg.exceptions])
try:
    raise ValueError("plain")
except* ValueError as eg:
    print("wrapped:", repr(eg), eg.exceptions)
try:
    try:
        raise ExceptionGroup("g", [KeyError("k"), IndexError("i")])
    except* KeyError:
        print("handled KeyError")
except ExceptionGroup as rest:
    print("unhandled:", rest.exceptions)
try:
    raise ExceptionGroup("g2", [OSError("o")])
except* (OSError, ValueError) as eg:
    print("tuple match", eg.exceptions)
