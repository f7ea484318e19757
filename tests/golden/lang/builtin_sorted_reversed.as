print(sorted([3, 1, 2]), sorted("bca"), sorted({3: 1, 1: 2}), sorted((2, 1), reverse=True))
print(sorted([-3, 2, -1], key=abs), sorted(["b", "A", "c"], key=str.lower, reverse=True))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
class R:
    def __reversed__(self):
        return iter("custom")
print(list(reversed(R())))
try:
    sorted(5)
except TypeError as e:
    print(e)
try:
    sorted([1, None])
except TypeError as e:
    print(e)
try:
    reversed({1, 2})
except TypeError as e:
    print(e)
try:
    sorted([1], lambda x: x)
except TypeError as e:
    print(e)
