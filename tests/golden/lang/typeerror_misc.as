five, text, nothing, key = 5, "abc", None, "x"
cases = [
    lambda: five(),
    lambda: text(),
    lambda: five[0],
    lambda: nothing[0],
    lambda: [1][nothing],
    lambda: "s"[key],
    lambda: {[1]: 2},
    lambda: {{1}},
    lambda: hash([]),
    lambda: iter(5),
    lambda: [x for x in 3],
    lambda: len(3),
    lambda: (1, 2).append,
    lambda: next([1]),
]
for c in cases:
    try:
        c()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    for x in None:
        pass
except TypeError as e:
    print(e)
t = (1, 2)
try:
    t[0] = 5
except TypeError as e:
    print(e)
try:
    "abc"[0] = "z"
except TypeError as e:
    print(e)
try:
    del t[0]
except TypeError as e:
    print(e)
