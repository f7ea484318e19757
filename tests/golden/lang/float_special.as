inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, float("-inf"), float("Infinity"), float("NaN"))
print(inf > 1e308, inf == inf, nan == nan, nan != nan, nan is nan)
print(inf + 1, inf - inf, inf * 0, 1 / inf)
print(float("  1.5  "), float("1_000.5"), float("-.5"), float("1e-3"), float(7), float())
import math
print(math.isnan(nan), math.isinf(-inf), math.isfinite(1.0))
try:
    float("abc")
except ValueError as e:
    print(e)
try:
    float([])
except TypeError as e:
    print(e)
try:
    1e308 * 10 ** 400
except OverflowError as e:
    print(e)
print(1e308 * 10)
