# Bottom-up merges whose left run is wider than half the list (300 items: 256 + 44) used to
# write past the end of the merge buffers (a heap overflow, sometimes a malloc abort).
import random

random.seed(7)
for n in (33, 97, 130, 300, 520, 1100, 2100):
    xs = [random.random() for _ in range(n)]
    a = sorted(xs)
    b = sorted(xs, reverse=True)
    c = sorted(xs, key=lambda x: -x)
    ws = [str(x) for x in xs]
    ws.sort()
    ys = list(range(n))
    ys.sort(reverse=True)
    print(n, a == sorted(a), b == a[::-1], c == b, ws == sorted(map(str, xs)), ys[:2], a[0] == min(xs))
