a = list(range(10))
print(a[2:5], a[:3], a[7:], a[::2], a[::-1], a[-3:], a[:-7], a[8:2:-2], a[100:], a[-100:2])
print(a[1:9:3], a[::-3], a[5:5], a[5:2])
b = a[:]
b[2:5] = ['x']
print(b)
b[1:1] = [7, 8, 9]
print(b)
b[:] = b[::-1]
print(b)
b[::2] = range(len(b[::2]))
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print(e)
try:
    b[1:3] = 5
except TypeError as e:
    print(e)
c = list(range(10))
del c[::3]
print(c)
del c[1:3]
print(c)
del c[::-2]
print(c)
del c[-1]
print(c)
c = [1, 2, 3]
c[1:2] = c
print(c)
c[len(c):] = [99]
print(c)
s = slice(1, 8, 2)
print(s, s.start, s.stop, s.step, slice(3), slice(None, None, -1), s.indices(5), slice(-1, None).indices(10))
print(list(range(10))[s], (1, 2, 3, 4)[slice(None, None, -1)], "abcdef"[s])
try:
    a[::0]
except ValueError as e:
    print(e)
try:
    a['x':]
except TypeError as e:
    print(e)
class I:
    def __index__(self):
        return 2
print(a[I()], a[I():], (5, 6, 7)[I()])
print(a[True], a[-10], slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
try:
    hash(slice(1))
except TypeError as e:
    print(e)
print(a[2**70:], a[-2**70:3])
