def sq(v):
    return v * v
xs = [3, 1, 2]
print(f"{sq(4)} {sorted(xs)} {xs[0]:03}")
print(f"{'yes' if xs else 'no'}")
print(f"{(lambda a: a + 1)(2)}")
print(f"{[i * 2 for i in xs]}")
print(f"{xs!r:>12}")
a = 10
print(f"{a:>{a // 2}}")
print(f"{a:{'<'}6}|{a:^6}|")
