# int/float as dict keys, the 4300-digit str limit, bin/oct/hex, direct dunder calls, big-int loops
import sys
d = {1: 'int', 1.0: 'float', True: 'bool'}
print(d, len(d))
d2 = {2**100: 'a'}
print(d2[2.0**100], 2**100 in {float(2**100)})
print(sys.get_int_max_str_digits())
try: print(len(str(10**4300)))
except ValueError as e: print(e)
try: print(len(str(10**4299)))
except ValueError as e: print(e)
sys.set_int_max_str_digits(0)
print(len(str(10**5000)))
sys.set_int_max_str_digits(5000)
print(len(str(int('9' * 4999))))
try: int('9' * 5001)
except ValueError as e: print(e)
print(hex(2**100), oct(-2**70), bin(5), hex(-255))
print(int.__new__(int, '5'), int.__name__, bool.__name__, float.__name__)
print(1 .__add__(2), (1).__radd__(2), (7).__rsub__(10), (2).__rpow__(3), (5).__rtruediv__(1), (2.0).__rsub__(5))
print(divmod(7, 2), divmod(-7.5, 2), divmod(2**70, 3), (7).__divmod__(2), (7.5).__rdivmod__(20))
print(int.__eq__(1, 1.0), float.__eq__(1.0, 1), (1).__lt__('a'), 1 .__hash__(), (2.5).__hash__())
x = 5
x += 2**70
x -= 2**70
x *= 3.0
print(x)
i = 0
for k in range(100):
    i = i * 3 + k
print(i, i % 1000003, i.bit_length())
print(sum(range(10**6)))
print(pow(2, 100, 10**9 + 7), pow(-3, 3, 5), pow(3, 3, -5), pow(2, -3, 11))
print((2**64) * (2**64) == 2**128, 2**128 - 1 == (1 << 128) - 1, -(-2**63), (2**63) // -1)
print(round(7, None), round(7.5, None), round(-2**100, -30))
print(int(-0.0), float(-0), -0.0 == 0)
print(float('nan') in [float('nan')], math_nan := float('nan'), math_nan in [math_nan])
