print((2.5).is_integer(), (3.0).is_integer())
print((0.5).as_integer_ratio(), (-0.75).as_integer_ratio())
print(int(1e20), int(-2.9), int(2.9))
print(abs(-3.5), -(-2.0), +1.5)
print(float(2 ** 60), float(10 ** 20))
try:
    int(float("inf"))
except OverflowError as e:
    print(e)
try:
    int(float("nan"))
except ValueError as e:
    print(e)
try:
    float(10 ** 400)
except OverflowError as e:
    print(e)
print(divmod(7.5, 2), divmod(-7.5, 2))
print(5.0 // 0.3, 5.0 % 0.3)
