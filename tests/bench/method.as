# bench: method calls and attribute reads/writes on instances (about 3 million calls).
# target: 0.5
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def shift(self, dx, dy):
        self.x += dx
        self.y += dy


class Counter:
    def __init__(self):
        self.count = 0
        self.total = 0

    def add(self, v):
        self.count += 1
        self.total = (self.total + v) % 1_000_003


def main():
    a = Vec(1, 2)
    b = Vec(3, 4)
    c = Counter()
    for i in range(1_000_000):
        c.add(a.dot(b))
        a.shift(1, -1)
        if a.x > 1000:
            a = Vec(i % 7, i % 11)
    print(c.count, c.total, a.x, a.y)


main()
