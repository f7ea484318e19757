first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
a, *mid, z = range(5)
print(a, mid, z)
a, *empty, z = (1, 2)
print(a, empty, z)
(x, *ys), w = [1, 2, 3], 4
print(x, ys, w)
for head, *tail in [(1, 2, 3), (4,)]:
    print(head, tail)
try:
    a, *b, c = [1]
except ValueError as err:
    print(err)
