def risky(n):
    if n % 3 == 0:
        raise ValueError(f"bad {n}")
    return n
results = []
for i in range(7):
    try:
        results.append(risky(i))
    except ValueError as e:
        results.append(str(e))
print(results)
def deep(n):
    if n == 0:
        raise LookupError("bottom")
    return deep(n - 1)
try:
    deep(50)
except LookupError as e:
    print(e)
def gen():
    yield 1
    raise IndexError("from generator")
try:
    for v in gen():
        print(v)
except IndexError as e:
    print(e)
