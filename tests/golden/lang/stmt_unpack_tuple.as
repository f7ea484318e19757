a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g] = "xy"
print(f, g)
for k, v in [("a", 1), ("b", 2)]:
    print(k, v)
h, = [9]
print(h)
try:
    m, n = 1, 2, 3
except ValueError as err:
    print(err)
try:
    m, n, o = 1, 2
except ValueError as err:
    print(err)
try:
    m, n = 5
except TypeError as err:
    print(err)
