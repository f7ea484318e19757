it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
s = iter("ab")
print(type(s).__name__, list(s))
d = iter({"a": 1, "b": 2})
print(list(d))
calls = []
def src():
    calls.append(1)
    return len(calls)
print(list(iter(src, 4)))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        n = self.n
        while n > 0:
            yield n
            n -= 1
c = Countdown(3)
print(list(c), list(c), max(c), 2 in c)
a, b, c2 = Countdown(3)
print(a, b, c2)
