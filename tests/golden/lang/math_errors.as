import math
cases = [
    lambda: math.sqrt(-1),
    lambda: math.log(0),
    lambda: math.log(-1),
    lambda: math.factorial(-1),
    lambda: math.factorial(2.5),
    lambda: math.sqrt("4"),
    lambda: math.exp(1000),
    lambda: math.acos(2),
    lambda: math.floor("x"),
    lambda: math.gcd(1.5, 2),
    lambda: math.isqrt(-1),
]
for c in cases:
    try:
        print(c())
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
from math import sqrt, pi as PI
print(sqrt(9), PI)
