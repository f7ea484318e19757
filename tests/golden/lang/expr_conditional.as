for n in range(-1, 2):
    print("neg" if n < 0 else "zero" if n == 0 else "pos")
x = [1, 2] if len("ab") == 2 else None
print(x)
f = (lambda v: "big" if v > 10 else "small")
print(f(11), f(1))
print((1 if True else 0) + 1)
