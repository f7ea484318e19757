print(range(5), range(1, 10, 2), range(0), range(-3, 3), range(10, 0, -3))
print(list(range(5)), list(range(1, 10, 2)), list(range(10, 0, -3)), list(range(0)), list(range(5, 1)))
r = range(1, 20, 3)
print(len(r), r[0], r[-1], r[2:4], r[::-1], r[::2], r[1:100], list(r[::-2]), r.start, r.stop, r.step)
print(7 in r, 8 in r, 7.0 in r, 'a' in r, r.index(10), r.count(10), r.count(11), len(range(10, 0, -3)))
try:
    r.index(11)
except ValueError as e:
    print(e)
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
try:
    range(1.5)
except TypeError as e:
    print(e)
try:
    range()
except TypeError as e:
    print(e)
try:
    r[100]
except IndexError as e:
    print(e)
print(range(0) == range(5, 5), range(0, 3) == range(0, 3, 1), range(1, 2, 5) == range(1, 3, 7), range(3) == [0, 1, 2], range(3) != range(4))
print(hash(range(0)) == hash(range(3, 3)), bool(range(0)), bool(range(1)), list(reversed(range(1, 10, 4))))
print(range(10)[1:8:3], range(10)[-3:], range(10)[::-1], range(0, -10, -1)[2:5])
print(sum(range(2**40, 2**40 + 3)), list(range(2**62 - 1, 2**62 + 2)))
t = (1, 2, 3)
print(t, (), (1,), ('a',), t + (4,), t * 2, 2 * t, t[1:], t[::-1], t[-1], len(t), 2 in t, t.index(3), t.count(2))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), (1, 2) == (1, 2), () == (), (1,) != (1,))
print(hash((1, 2)), hash(()), hash((1, (2, 3))), hash((-1,)), hash(('a',)) == hash(('a',)))
print(tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple(), tuple({1: 2}))
try:
    (1,) + [2]
except TypeError as e:
    print(e)
try:
    (1, 2).index(5)
except ValueError as e:
    print(e)
try:
    (1, 2)[5]
except IndexError as e:
    print(e)
try:
    hash((1, []))
except TypeError as e:
    print(e)
try:
    t[0] = 5
except TypeError as e:
    print(e)
l = [1]; tt = (l,); l.append(tt); print(tt)
print({(1, 2): 'x'}[(1, 2)], len((1, 2)))
class P(tuple):
    pass
print(P([1, 2]), P([1, 2]) == (1, 2), type(P([1]) + (2,)).__name__)
