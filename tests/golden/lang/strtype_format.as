# str.format, format_map, __format__ and printf-style %.
print("{} {}".format(1, "a"), "{1} {0} {1}".format("x", "y"), "{name}!".format(name="Bob"))
print("{0[0]} {0[1]} {d[k]} {d[0]}".format([5, 6], d={"k": "v", 0: "zero"}))
print("{{literal}} {}".format(3), "{!r} {!s} {!a}".format("q", "q", "é"))
print("{:>8}|{:<6}|{:^7}|{:*^9}".format("r", "l", "c", "mid"), "{:.2}".format("abcdef"), "{:10.3}|".format("abcdef"))
print("{:{w}}|{:>{w}.{p}}|".format("a", "bcdef", w=6, p=2))
print("{0:d} {0:5d} {0:x} {0:b} {1:.3f} {1:e} {2:%}".format(42, 3.14159, 0.25))
print(format("ab", "^6"), format("x"), "ab".__format__(">4"), "{:}".format("z"))
class P:
    def __init__(self):
        self.x = 7
print("{0.x} {p.x}".format(P(), p=P()), "{:Й^5}".format("ї"))
print("{a}-{b}".format_map({"a": 1, "b": 2}))
print("%s|%r|%a" % ("é", "é", "é"), "%d%%" % 50, "%5s|%-5s|" % ("ab", "cd"), "%.1s" % "xyz")
print("%d %i %u" % (3.9, -2, 7), "%x %X %o %#x %#o" % (255, 255, 8, 255, 8), "%05d|%-5d|%+d|% d" % (42, 42, 42, 42))
print("%.2f %10.3f %-8.1f| %e %g %G" % (3.14159, 2.5, 1.25, 12345.678, 0.0001, 1e20))
print("%c%c%c" % (72, "i", 0x416), "%(a)s and %(b)05.1f" % {"a": "A", "b": 2.25}, "%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
print("%s" % [1, 2], "%s" % (1,), "%s %s" % ("a", (1, 2)), "no args" % (), "%s" % {"k": 1}, "x" % {"k": 1})
print("%d" % 10**20, "%x" % -255, "%r" % [1, "a"], "%5.1f%%" % 99.44)
cases = [
    lambda: "{".format(), lambda: "}".format(), lambda: "{0}{}".format(1, 2), lambda: "{}{0}".format(1, 2),
    lambda: "{a}".format(), lambda: "{0.nope}".format(1), lambda: "{!x}".format(1), lambda: "{1}".format(1),
    lambda: "{:d}".format("a"), lambda: "{0[}".format(1),
    lambda: "%d %d" % (1,), lambda: "%d" % (1, 2), lambda: "%(a)s" % 1, lambda: "%z" % 1,
    lambda: "%c" % "ab", lambda: "%c" % 1.0, lambda: "%x" % 1.0, lambda: "%(a" % {"a": 1},
    lambda: "%d" % "s", lambda: "%f" % "s", lambda: "%*d" % ("a", 1), lambda: "%(k)s" % {},
    lambda: "%c" % 0x110000, lambda: "hi" % 5,
]
for c in cases:
    try:
        print(repr(c()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
