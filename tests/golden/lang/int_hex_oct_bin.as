for n in (0, 1, 255, -255, 2 ** 40, -(2 ** 70)):
    print(hex(n), oct(n), bin(n))
print(hex(True), bin(False))
try:
    hex(1.5)
except TypeError as e:
    print(e)
try:
    bin("3")
except TypeError as e:
    print(e)
print(int(hex(12345), 16), int(bin(-9), 0))
