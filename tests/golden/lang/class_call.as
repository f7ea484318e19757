class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, scale=1):
        return (self.n + x + sum(rest)) * scale
add = Adder(10)
print(add(1), add(1, 2, 3), add(1, scale=2), callable(add), callable(Adder), callable(5))
print(list(map(add, [1, 2])))
class Counter:
    count = 0
    def __call__(self):
        self.count += 1
        return self.count
c = Counter()
c(); c()
print(c())
