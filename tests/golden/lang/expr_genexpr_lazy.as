def src():
    for i in range(5):
        print("produce", i)
        yield i
g = (v * 10 for v in src() if v % 2 == 0)
print("created")
print(next(g))
print(next(g))
print(list(g))
print(sorted(x for x in "cab"))
print(max((len(w), w) for w in ["aa", "b", "ccc"]))
it = iter(range(3))
print(list(x for x in it), list(it))
