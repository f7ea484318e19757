a = 2 ** 200
print(a)
print(a * a)
print(a // 3, a % 1000007)
print(-a)
b = 10 ** 50 + 1
print(b - 10 ** 50, b * -b)
f = 1
for i in range(1, 51):
    f *= i
print(f)
print(len(str(3 ** 1000)))
print(str(7 ** 77)[-10:])
print(123456789 ** 5)
print((2 ** 64) == 18446744073709551616, 2 ** 63 - 1)
print(2 ** 100 > 2 ** 99, -(2 ** 100) < 5)
print(hex(2 ** 70), int("9" * 40) + 1)
