print(2 ** 10, (-2) ** 3, (-2) ** 4, 0 ** 0, 5 ** 0)
print(2 ** -2, 10 ** -3, (-2) ** -1)
print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 7), pow(-3, 3, 5))
print(pow(3, -1, 7), pow(38, -1, 97))
print(type(2 ** 2).__name__, type(2 ** -2).__name__)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print(e)
print(2 ** 0.5, 4 ** 0.5, (-8) ** (1 / 3))
