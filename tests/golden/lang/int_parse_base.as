print(int("42"), int("-17"), int("  +8  "), int("1_000"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0))
print(int("777", 8), int("0o777", 0), int("101", 2), int("0b101", 0))
print(int("z", 36), int("Zz", 36), int("10", 3))
print(int(3.99), int(-3.99), int(True), int("0"), int())
print(int("123456789012345678901234567890"))
for bad in [("12a",), ("",), ("1.5",), ("0x1f",), ("9", 8), ("1__0",), ("_1",)]:
    try:
        int(*bad)
    except ValueError as e:
        print(e)
try:
    int("5", 1)
except ValueError as e:
    print(e)
try:
    int(5, 10)
except TypeError as e:
    print(e)
try:
    int([1])
except TypeError as e:
    print(e)
