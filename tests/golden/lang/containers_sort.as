import_words = ["pear", "Apple", "fig", "banana", "kiwi", "cherry", "date"]
print(sorted(import_words), sorted(import_words, key=len), sorted(import_words, key=str.lower, reverse=True))
pairs = [(1, 'b'), (0, 'a'), (1, 'a'), (0, 'b'), (2, 'z')]
print(sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
print(sorted([3.5, -1.0, 2.25, 0.0]), sorted([3, 1.5, 2, -7, 10**20, -10**20]))
data = [(i * 7919) % 1000 for i in range(500)]
s = sorted(data)
print(s[:10], s[-5:], s == sorted(s), len(s))
print(sorted(data, reverse=True)[:5])
st = sorted(range(100), key=lambda x: x % 3)
print(st[:10], st[-5:])
l = [5, 2, 9]; print(l.sort(), l)
l.sort(reverse=True); print(l)
try:
    sorted([1, 'a', 2])
except TypeError as e:
    print(e)
try:
    [3, None].sort()
except TypeError as e:
    print(e)
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v > o.v
    def __repr__(self):
        return "K(%d)" % self.v
print(sorted([K(1), K(3), K(2)]))
def bad(x):
    if x == 3:
        raise ValueError("bad key")
    return x
try:
    sorted([1, 2, 3], key=bad)
except ValueError as e:
    print(e)
m = [3, 1, 2]
def mut(x):
    m.append(0)
    return x
try:
    m.sort(key=mut)
except ValueError as e:
    print(e)
print(sorted("hello"), sorted((3, 1, 2)), sorted({3: 0, 1: 0}), sorted([]), sorted([[2], [1, 5], [1]]))
print(sorted(["b", "a", "é", "z", "A"]))
try:
    sorted([1], 1)
except TypeError as e:
    print(e)
