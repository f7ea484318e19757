class Table:
    rows = 3
    cols = [c for c in range(3)]
    names = {n: n.upper() for n in ("a", "b")}
print(Table.cols, Table.names)
x = 10
def f():
    x = 20
    return [x + i for i in range(2)], (lambda: x)()
print(f())
print([[j for j in range(i)] for i in range(4)])
total = 0
for i in range(5):
    total += i
print(i, total)
