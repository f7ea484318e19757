# Unpacking into attributes, subscripts and nested lists.
class Box:
    pass
b = Box()
d = {}
lst = [0, 0, 0]
b.x, d["k"], lst[1] = "attr", "item", "idx"
print(b.x, d, lst)
lst[0:2] = [7, 8, 9]
print(lst)
[[p, q], [r, s]] = [[1, 2], [3, 4]]
print(p + q + r + s)
i = 0
i, lst[i] = 2, "z"
print(i, lst)
