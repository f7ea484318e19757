class Idx:
    def __init__(self, n):
        self.n = n
    def __index__(self):
        return self.n
i = Idx(2)
print([10, 20, 30][i], "abcd"[i], range(10)[i], hex(Idx(255)), bin(Idx(5)))
print([1, 2, 3, 4][Idx(1):Idx(3)], "x" * Idx(3))
class Num:
    def __int__(self):
        return 7
    def __float__(self):
        return 2.5
print(int(Num()), float(Num()))
try:
    [1, 2][Num()]
except TypeError as e:
    print(e)
