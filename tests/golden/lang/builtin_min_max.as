print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"), min("b", "a"))
print(max([], default="empty"), min([], default=None), max([1, 2], default=0))
print(max(["aa", "b", "ccc"], key=len), min([-5, 3, -1], key=abs), max(2, 8, key=lambda v: -v))
print(max([1, 3, 3.0]), max(3.0, 3), min((1, "z"), (1, "a")))
for call in (lambda: max([]), lambda: min(), lambda: max(5), lambda: max(1, "a"), lambda: min([], default=1, key=len, x=2)):
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
