print(list(map(int, ["1", "2"])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(filter(lambda x: x > 1, [0, 1, 2, 3])), list(filter(str.isdigit, "a1b2")))
print(list(map(str, range(3))), list(filter(None, range(-2, 3))))
try:
    map(5, [1])
    list(map(5, [1]))
except TypeError as e:
    print(e)
try:
    map(str, 5)
except TypeError as e:
    print(e)
try:
    filter(None, 3)
except TypeError as e:
    print(e)
