B = 10 ** 20
r = range(B)
print(r, repr(range(-B, B, 10 ** 19)), range(0, B, 1), range(B, 0, -3))
print(r.start, r.stop, r.step, type(r).__name__, bool(r), bool(range(B, B)))
print(B - 1 in r, B in r, -1 in r, 0 in r, 5.0 in range(10), True in r)
print(r[0], r[-1], r[B - 1], r[-B], r[12345678901234567890])
for k in (B, -B - 1, 2 ** 63, -2 ** 63 - 1):
    try:
        print(r[k])
    except IndexError as e:
        print("IndexError", e)
try:
    len(r)
except OverflowError as e:
    print("OverflowError", e)
print(len(range(B, B + 5)), list(range(B, B + 5)), list(range(B + 3, B, -1)))
print(len(range(2 ** 63 - 5, 2 ** 63 + 5)), list(range(2 ** 63 - 2, 2 ** 63 + 2)))
print(list(reversed(range(B, B + 4))), list(reversed(range(-B, -B + 40, 10))))
print(r[::2], r[1::3], r[::-1], r[-5:], r[5:2], r[B:], r[-3 * B: 3 * B: B // 4])
print(list(range(B)[-3:]), list(range(B, -B, -B // 2)))
x = range(-B, B, 10 ** 19)
print(len(x), x[3], x[-1], x.index(0), x.count(10 ** 19), x.count(5), 5 in x, 10 ** 19 in x)
try:
    x.index(5)
except ValueError as e:
    print("ValueError", e)
print(r == range(0, B), r == range(B + 1), range(B, B) == range(0), range(B, B + 1, 5) == range(B, B + 2, 7))
print(hash(r) == hash(range(0, B, 1)), hash(range(B, B + 1, 5)) == hash(range(B, B + 1, 9)), hash(range(B, B)) == hash(range(0)))
it = iter(range(B, B + 3))
print(type(it).__name__, next(it), it.__length_hint__(), list(it))
print(list(range(2 ** 62, 2 ** 62 + 2)))
print(list(range(2 ** 63 - 3, 2 ** 64, 2 ** 62)), list(range(-2 ** 63, 2 ** 63 - 1, 2 ** 62)))
try:
    len(range(-2 ** 63, 2 ** 63 - 1))
except OverflowError as e:
    print("OverflowError", e)
print(range(-2 ** 63, 2 ** 63 - 1)[-1], range(10)[10 ** 30:], range(10)[-10 ** 30:2])
try:
    range(10)[10 ** 30]
except IndexError as e:
    print("IndexError", e)
print(range(0, 2 ** 62, 2 ** 61)[::2 ** 62], range(5)[::-1], range(1, 2 ** 63, 2 ** 62)[1:])
print(list(reversed(range(-2 ** 63, 0, 2 ** 62))), list(reversed(range(0, -2 ** 63 - 1, -2 ** 63))))
print(range(B).index(B - 7), range(B).count(B), B * 2 in range(0, 3 * B, B), 2 * B + 1 in range(0, 3 * B, B))
print(range(True, B)[0], range(B)[True], sum(range(B, B + 10)), max(range(B, B + 10)))
try:
    range(B, 1.0)
except TypeError as e:
    print("TypeError", e)
try:
    r["a"]
except TypeError as e:
    print("TypeError", e)
try:
    r[::0]
except ValueError as e:
    print("ValueError", e)
print(range(B)[B // 2 : B // 2 + 3], list(range(B)[B // 2 : B // 2 + 3]), 3 in range(B)[::3])
