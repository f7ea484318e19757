# bench: naive recursive fib(30) — function-call speed (1.6 million calls).
# target: 0.5
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(30))
