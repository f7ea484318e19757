def numbers():
    n = 0
    while True:
        yield n
        n += 1
def evens(src):
    for v in src:
        if v % 2 == 0:
            yield v
def take(n, src):
    for i, v in enumerate(src):
        if i >= n:
            return
        yield v
print(list(take(5, evens(numbers()))))
squares = (x * x for x in numbers())
print([next(squares) for _ in range(5)])
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print(list(take(12, fib())))
