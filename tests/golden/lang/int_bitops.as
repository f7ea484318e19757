print(12 & 10, 12 | 10, 12 ^ 10, ~12, ~-1)
print(1 << 10, 1 << 100, 1024 >> 3, -1024 >> 3, -1 >> 100)
print(-12 & 10, -12 | 10, -12 ^ 10, -12 & -10)
print((2 ** 100 - 1) & 0xFFFF, (1 << 70) | 1, (1 << 70) ^ (1 << 70))
print(5 .bit_length(), (255).bit_length(), (-256).bit_length(), (0).bit_length())
print(bin(0b1010 >> 1), 0 << 5)
try:
    1 << -1
except ValueError as e:
    print(e)
try:
    1 >> -1
except ValueError as e:
    print(e)
print(True & False, True | False, True ^ True, type(True & True).__name__)
