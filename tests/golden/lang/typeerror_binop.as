cases = [
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [1] + (2,),
    lambda: {} + {},
    lambda: 1 - "x",
    lambda: "a" * "b",
    lambda: None < 1,
    lambda: "a" < 1,
    lambda: [1] < (1,),
    lambda: -"s",
    lambda: ~1.5,
    lambda: 2 ** "x",
    lambda: 1 / None,
    lambda: "x" % 5,
    lambda: {1} & [1],
    lambda: 1 @ 2,
]
for c in cases:
    try:
        c()
    except TypeError as e:
        print(e)
