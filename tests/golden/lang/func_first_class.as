def apply(fn, *args):
    return fn(*args)
print(apply(max, 3, 9, 2), apply(len, "four"))
ops = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b}
print([ops[k](3, 4) for k in sorted(ops)])
def counter():
    count = 0
    def step():
        nonlocal count
        count += 1
        return count
    return step
c1, c2 = counter(), counter()
print(c1(), c1(), c2())
print(list(map(str.upper, ["a", "b"])))
