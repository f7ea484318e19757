l = list(range(8))
l[1:3] = []
print(l)
l[0:0] = ["a", "b"]
print(l)
l[-2:] = "xyz"
print(l)
l[::2] = [0] * ((len(l) + 1) // 2)
print(l)
try:
    l[::2] = [1]
except ValueError as e:
    print(e)
del l[::3]
print(l)
l[:] = []
print(l)
