print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-(10 ** 30)), abs(True), abs(-0.0))
print(round(3.7), round(-3.7), round(2.567, 2), round(12345, -2))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(7.5, 2), divmod(10 ** 20, 7))
print(pow(2, 8), pow(2.0, 3), pow(2, -1), pow(5, 3, 7), pow(-2, 3))
for call in (lambda: abs("x"), lambda: abs(None), lambda: round("1.5"), lambda: divmod("a", 1),
             lambda: pow("2", 3), lambda: pow(2, 3, 4.0), lambda: round(1.5, "1"), lambda: divmod(1, 0)):
    try:
        call()
    except (TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
