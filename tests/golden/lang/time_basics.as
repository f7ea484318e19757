import time
t1 = time.time()
m1 = time.monotonic()
p1 = time.perf_counter()
time.sleep(0.01)
t2 = time.time()
m2 = time.monotonic()
p2 = time.perf_counter()
print(type(t1).__name__, type(m1).__name__, type(p1).__name__)
print(t2 >= t1, m2 - m1 >= 0.009, p2 - p1 >= 0.009, p2 - p1 < 5)
print(t1 > 1_600_000_000)
time.sleep(0)
try:
    time.sleep(-1)
except ValueError as e:
    print(e)
try:
    time.sleep("1")
except TypeError as e:
    print(e)
