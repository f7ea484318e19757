class Acc:
    def __init__(self, items):
        self.items = list(items)
    def __iadd__(self, other):
        print("iadd")
        self.items.extend(other)
        return self
    def __add__(self, other):
        print("add")
        return Acc(self.items + list(other))
    def __imul__(self, n):
        self.items *= n
        return self
    def __repr__(self):
        return f"Acc({self.items})"
a = Acc([1])
alias = a
a += [2, 3]
print(a, alias is a)
a *= 2
print(a)
class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        print("fallback add")
        return OnlyAdd(self.v + o)
b = OnlyAdd(1)
keep = b
b += 5
print(b.v, keep.v, b is keep)
class Bad:
    def __iadd__(self, o):
        return NotImplemented
c = Bad()
try:
    c += 1
except TypeError as e:
    print(e)
