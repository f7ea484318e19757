print(format(42), format(42, "x"), format(3.14159, ".2f"), format("s", ">4"), format(1234567, ","))
print(format(0.5, "%"), format(-1, "+"), format(True), format(None), format(2 ** 64, "_x"))
for call in (lambda: format(1, 2), lambda: format(1, "q"), lambda: format([], "d"), lambda: format(object(), ">5"), lambda: format()):
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
