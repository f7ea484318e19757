s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step)
data = list(range(12))
print(data[s], "abcdefghijkl"[s])
print(slice(3), slice(None, None, -1))
print(data[slice(None, None, -3)])
print(s.indices(5), slice(None, None, -1).indices(4))
print(slice(1, 2) == slice(1, 2))
class Rec:
    def __getitem__(self, key):
        return key
r = Rec()
print(r[1:2], r[::3], r[1:2, 3], r[...], r[:])
