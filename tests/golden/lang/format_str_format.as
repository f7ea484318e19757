print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0}".format("a", "b"))
print("{name} is {age}".format(name="Bo", age=7))
print("{0[0]} {0[1]} {1[k]}".format([10, 20], {"k": "v"}))
class Pt:
    x = 3
    y = 4
print("{p.x},{p.y}".format(p=Pt()))
print("{:>6}|{:<6}|{:^6}|".format("r", "l", "c"))
print("{0!r} {0!s} {1:.2f}".format("q", 2))
print("{:{}}|".format("w", 5))
print("{:{w}.{p}f}".format(3.14159, w=8, p=2))
print("{0:>{1}}".format(7, 4))
