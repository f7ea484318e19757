# big-int workloads: 3**100000 to text, factorial, fibonacci, float/int loops, isqrt/comb
import sys; sys.set_int_max_str_digits(0)
import math
x = 3 ** 100000
s = str(x)
print(len(s), s[:10], s[-10:])
print(len(str(math.factorial(5000))))
a, b = 0, 1
for i in range(5000):
    a, b = b, a + b
print(a % 10**9, a.bit_length())
t = 0.0
for i in range(1000000):
    t += i * 0.5
print(t)
n = 0
for i in range(1000000):
    n = (n + i * i) % 1000000007
print(n)
print(math.isqrt(10**1000) == 10**500, math.comb(1000, 500) % 10**9)
