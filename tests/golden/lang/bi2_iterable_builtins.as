# min, max, sum, sorted, any, all: iterables vs. several arguments, key=/default=, stability,
# lazy consumption and CPython's error messages.
def t(f):
    try:
        r = f()
        print("OK", repr(r))
    except Exception as e:
        print(type(e).__name__, e)

pairs = [(1, "b"), (0, "z"), (1, "a"), (0, "y")]
print(min(pairs, key=lambda p: p[0]), max(pairs, key=lambda p: p[0]))
print(min(3, 1, 2, key=None), max("apple", "fig", "kiwi", key=len), max(iter([4, 9, 2])))
print(max((x * x for x in range(5)), default=-1), min(range(0), default="none"))
print(max([[1, 2], [1, 3], [0, 9]]), min("hello world"))
print(sum(range(101)), sum([[1], [2, 3]], []), sum(((1,), (2,)), ()), sum([], start=7))
print(sum([2 ** 60, 2 ** 60, 2 ** 60]) == 3 * 2 ** 60, sum(x for x in [True, True, 1]))
print(sorted("hello"), sorted([3, 1, 2], reverse=True), sorted([], key=len))
print(sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
print(sorted({"b": 1, "a": 2}.items()), sorted(["bb", "a", "ccc"], key=len))
words = ["Banana", "apple", "cherry"]
s = sorted(words)
print(s, words, s is words, sorted(words, key=str.lower))
print(any(iter([0, 0, 3])), all(x < 5 for x in range(5)), any(()), all(()))

seen = []
def gen():
    for i in range(10):
        seen.append(i)
        yield i
print(any(x == 2 for x in gen()), seen)
seen.clear()
print(all(x < 3 for x in gen()), seen)

class Acc:
    def __init__(self, v): self.v = v
    def __add__(self, o): return Acc(self.v + (o.v if isinstance(o, Acc) else o))
    def __radd__(self, o): return Acc(o + self.v)
print(sum([Acc(1), Acc(2)]).v, sum([Acc(1)], Acc(10)).v)

class Box:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __gt__(self, o): return self.v > o.v
    def __repr__(self): return f"Box({self.v})"
print(min([Box(3), Box(1), Box(2)]), max(Box(3), Box(5)), sorted([Box(2), Box(1)]))

t(lambda: max([]))
t(lambda: min(iter([])))
t(lambda: max())
t(lambda: min(5))
t(lambda: max(1, "a"))
t(lambda: min([1], x=2))
t(lambda: min(1, 2, default=3))
t(lambda: min([], default=1, key=len, x=2))
t(lambda: max([1, 2], key=5))
t(lambda: sum())
t(lambda: sum(5))
t(lambda: sum(1, 2, 3))
t(lambda: sum(["a"], "x"))
t(lambda: sum([b"a"], b""))
t(lambda: sum([], bytearray()))
t(lambda: sum([1, "a"]))
t(lambda: sum([1], iterable=[2]))
t(lambda: sorted())
t(lambda: sorted([1], [2]))
t(lambda: sorted(5))
t(lambda: sorted([1, "a"]))
t(lambda: sorted([1], x=1))
t(lambda: sorted([1], reverse="yes"))
t(lambda: any())
t(lambda: any(1, 2))
t(lambda: all(None))
t(lambda: any(x=1))
