print(sum([1, 2, 3]), sum([]), sum(range(10), 100), sum([0.1] * 10), sum([[1], [2]], []))
print(sum([1.5, 2.5]), sum((True, True, False)), sum(x * x for x in range(4)), sum([1, 2], start=10))
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "a"]), all([1, 0]))
print(any(x > 2 for x in [1, 2, 3]), all(c.isalpha() for c in "abc1"))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(e)
try:
    sum([1, "a"])
except TypeError as e:
    print(e)
try:
    any(5)
except TypeError as e:
    print(e)
try:
    all(None)
except TypeError as e:
    print(e)
