class Both:
    def __repr__(self):
        return "Both()"
    def __str__(self):
        return "both as str"
class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"
class StrOnly:
    def __str__(self):
        return "str only"
b, r = Both(), ReprOnly()
print(b, repr(b), str(b), [b], (r,), {"k": b}, f"{b} {b!r}")
print(r, str(r), [r])
print(str(StrOnly()), "%s %r" % (b, b))
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(e)
class Sub(Both):
    pass
print(Sub(), repr(Sub()))
