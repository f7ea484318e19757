# abs, round, divmod, pow, chr, ord, hex, oct, bin, format: argument handling, dunder
# delegation and CPython's error messages.
def t(f):
    try:
        r = f()
        print("OK", repr(r))
    except Exception as e:
        print(type(e).__name__, e)

print(abs(-7), abs(0), abs(False), round(7), round(-3, 2), round(number=4))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5), divmod(0, 3))
print(pow(3, 4), pow(-2, 3), pow(5, 3, 7), pow(2, -1, 5), pow(2, 3, -5), pow(2, 3, 1), pow(base=2, exp=10))
print(pow(7, 0, 13), pow(-3, 3, 10), pow(3, -2, 11), pow(0, 0, 5))
print(hex(255), hex(-255), hex(0), oct(8), oct(-8), bin(5), bin(-5), bin(0), hex(True))
print(chr(65), chr(0x263A), ord("Z"), ord("\u263a"), ord(b"\xff"), ord(bytearray(b"A")))
print(format(42), format("ab", "^6") + "|", format("x", "*>3"), format(None), format([1, 2]))

class Num:
    def __abs__(self): return "abs!"
    def __round__(self, n=None): return ("round", n)
    def __divmod__(self, o): return ("divmod", o)
    def __rdivmod__(self, o): return ("rdivmod", o)
    def __pow__(self, o, m=None): return ("pow", o, m)
    def __rpow__(self, o): return ("rpow", o)
    def __index__(self): return 42
    def __format__(self, spec): return "fmt:" + spec
n = Num()
print(abs(n), round(n), round(n, 2), round(n, None))
print(divmod(n, 1), divmod(1, n), pow(n, 2), pow(2, n), pow(n, 2, 3))
print(hex(n), oct(n), bin(n), chr(n), format(n, "xyz"), format(n))

class Sub(Num):
    def __rdivmod__(self, o): return "sub rdivmod"
print(divmod(n, Sub()))

t(lambda: abs("x"))
t(lambda: abs())
t(lambda: abs(1, 2))
t(lambda: abs(x=1))
t(lambda: round("1.5"))
t(lambda: round())
t(lambda: round(1, 2, 3))
t(lambda: divmod("a", 1))
t(lambda: divmod(1, "a"))
t(lambda: divmod(1))
t(lambda: divmod(1, 0))
t(lambda: pow("2", 3))
t(lambda: pow("a", 3, 5))
t(lambda: pow(2, n, 3))
t(lambda: pow(2))
t(lambda: pow(2, 3, 4, 5))
t(lambda: pow(2, 3, 0))
t(lambda: pow(2, -1, 4))
t(lambda: chr(0x110000))
t(lambda: chr(-1))
t(lambda: chr("a"))
t(lambda: chr())
t(lambda: ord(5))
t(lambda: ord("xy"))
t(lambda: ord(""))
t(lambda: ord(b"ab"))
t(lambda: ord())
t(lambda: hex("1"))
t(lambda: oct([]))
t(lambda: bin())
t(lambda: format(1, 2))
t(lambda: format([], "d"))
t(lambda: format(object(), ">5"))
t(lambda: format())
t(lambda: format(1, spec="x"))
