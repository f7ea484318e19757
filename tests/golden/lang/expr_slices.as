s = list(range(10))
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-7])
print(s[::2], s[1::3], s[::-1], s[8:2:-2], s[-1:-4:-1])
print(s[100:], s[-100:2], s[5:2])
t = "abcdefg"
print(t[1:6:2], t[::-2], t[-2:], t[:0])
print((1, 2, 3, 4)[1:3], (1, 2, 3)[::-1])
sl = slice(1, 8, 3)
print(s[sl], sl.start, sl.stop, sl.step)
print(slice(None, 5), slice(2, None, -1))
s[2:4] = ["a", "b", "c"]
print(s)
s[::3] = [0] * len(s[::3])
print(s)
print(slice(1, 10, 2).indices(6))
try:
    s[::0]
except ValueError as e:
    print(e)
