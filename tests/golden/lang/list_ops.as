a = [1, 2, 3]
print(a + [4], a * 2, [0] * 3, 2 in a, len(a), a[-1])
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 9])
print(list("abc"), list(range(3)), list((1, 2)), list({"a": 1}), list())
nested = [[0] * 2] * 2
nested[0][0] = 1
print(nested)
grid = [[0] * 2 for _ in range(2)]
grid[0][0] = 1
print(grid)
b = a
b += [9]
print(a, max(a), min(a), sum(a))
print(repr([1, "a", None, 2.5, [True]]))
l = [1]
l.append(l)
print(l)
try:
    a[10]
except IndexError as e:
    print(e)
try:
    a[10] = 1
except IndexError as e:
    print(e)
