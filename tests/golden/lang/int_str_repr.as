n = 10 ** 100
s = str(n)
print(len(s), s[:5], s[-5:])
print(repr(-123), str(0), str(-0))
print(int(str(2 ** 500)) == 2 ** 500)
print(str(-(2 ** 127)))
print(f"{2 ** 100}", "%d" % 2 ** 65)
print(int("-" + "9" * 60) // 10 ** 59)
