a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, 2 in a, 3 not in a)
print("ell" in "hello", "z" not in "hello", "" in "x")
print(1 in {1: "a"}, "a" in {1: "a"}, 2 in {1, 2}, (1, 2) in [(1, 2)])
print(1 in range(0, 10, 2), 2 in range(0, 10, 2))
