print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5))
print(round(2.675, 2), round(1.005, 2), round(3.14159, 3), round(-1.23456, 1))
print(round(1234.5678, -2), round(1250, -2), round(1350, -2), round(15, -1), round(25, -1))
print(round(7), round(7.0), type(round(7.2)).__name__, type(round(7.2, 1)).__name__)
print(round(0.0), round(-0.4), round(1e20))
print(round(5, 2), round(-15, -1))
try:
    round(float("inf"))
except OverflowError as e:
    print(e)
try:
    round(float("nan"))
except ValueError as e:
    print(e)
