data = [1, 5, 12, 7, 20]
if (n := len(data)) > 3:
    print("long list", n)
print([y for x in data if (y := x * 2) > 10])
print(y)
i = 0
while (i := i + 1) < 4:
    print("i", i)
print((z := 5) + z)
def f():
    if any((hit := v) > 10 for v in data):
        return hit
print(f())
