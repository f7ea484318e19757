for a in (7, -7):
    for b in (2, -2, 3, -3):
        print(a, b, a // b, a % b, divmod(a, b))
print(-1 // 10, -1 % 10, 1 % -10)
print(10 ** 30 // -7, 10 ** 30 % -7, -(10 ** 30) // 7, -(10 ** 30) % 7)
print(7 / 2, -7 / 2, 6 / 3, type(6 / 3).__name__)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7 % -2.5)
zero = 0
cases = [("1 // 0", lambda: 1 // zero), ("1 % 0", lambda: 1 % zero),
         ("1 / 0", lambda: 1 / zero), ("divmod(1, 0)", lambda: divmod(1, zero)),
         ("1.0 // 0", lambda: 1.0 // zero), ("1 % 0.0", lambda: 1 % float(zero)),
         ("1.5 / 0", lambda: 1.5 / zero)]
for text, fn in cases:
    try:
        fn()
    except ZeroDivisionError as e:
        print(text, "->", e)
