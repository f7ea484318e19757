import math, sys
print(__name__, type(__builtins__).__name__ in ("module", "dict"))
print(math.__name__, sys.__name__, type(math).__name__)
import math as m
print(m is math, m.floor(1.5))
from math import floor as fl, ceil
print(fl(2.5), ceil(2.5))
print("math" in sys.modules)
