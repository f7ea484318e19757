print(range(5), range(1, 5), range(1, 10, 2), range(5, 0, -1))
print(list(range(5)), list(range(1, 10, 3)), list(range(5, 0, -2)), list(range(0)), list(range(3, 1)))
r = range(0, 20, 3)
print(len(r), r[2], r[-1], r[1:3], r[::-1], 9 in r, 10 in r)
print(r.index(9), r.count(9), r.start, r.stop, r.step)
print(range(3) == range(0, 3), range(0) == range(5, 5), 10 ** 20 - 1 in range(10 ** 20))
print(sum(range(101)), list(reversed(range(3))))
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
try:
    range(1.5)
except TypeError as e:
    print(e)
try:
    r[100]
except IndexError as e:
    print(e)
