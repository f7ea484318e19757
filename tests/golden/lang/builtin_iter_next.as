it = iter([10, 20])
print(next(it), next(it), next(it, None))
print(list(iter((1, 2))), list(iter("ab")), next(iter({"k": 1})), next(iter(range(5, 9))))
class Box:
    def __iter__(self):
        return iter([1, 2])
print(list(Box()), list(iter(Box())))
for call in (lambda: iter(5), lambda: next(5), lambda: next([]), lambda: iter(None)):
    try:
        call()
    except TypeError as e:
        print(e)
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print(e)
try:
    iter(len, 1, 2)
except TypeError as e:
    print(e)
