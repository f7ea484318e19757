# printf-style % formatting on str.
print("%d items" % 5)
print("%s and %r" % ("a", "b"))
print("%5.2f|%-5d|%05d" % (3.14159, 42, 7))
print("%x %X %o %e" % (255, 255, 8, 12345.678))
print("%(name)s is %(n)d" % {"name": "x", "n": 3})
print("%%")
print("%c%c" % (72, "i"))
print("%+d % d" % (5, 5))
