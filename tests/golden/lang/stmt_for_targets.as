class O:
    pass
o = O()
for o.attr in range(3):
    pass
print(o.attr)
d = {}
for d["k"] in "xyz":
    pass
print(d)
lst = [0, 0]
for lst[0], lst[1] in [(1, 2), (3, 4)]:
    pass
print(lst)
for i, (a, *b) in enumerate(["abc", "de"]):
    print(i, a, b)
for k, v in sorted({"b": 2, "a": 1}.items()):
    print(k, v)
for x in (1, 2, 3): print(x, end=" ")
print()
