eg = ExceptionGroup("many", [ValueError("v1"), TypeError("t"), ValueError("v2")])
print(eg, repr(eg.message), len(eg.exceptions))
print([repr(x) for x in eg.exceptions])
print(type(eg).__name__, isinstance(eg, Exception))
match, rest = eg.split(ValueError)
print(match.exceptions, rest.exceptions)
print(eg.subgroup(TypeError).exceptions, eg.subgroup(KeyError))
beg = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(beg).__name__, beg)
auto = BaseExceptionGroup("auto", [ValueError(1)])
print(type(auto).__name__)
try:
    ExceptionGroup("bad", [])
except ValueError as e:
    print(e)
try:
    ExceptionGroup("bad", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
nested = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [KeyError(2)])])
print(nested, nested.exceptions[1].exceptions)
m, r = nested.split(KeyError)
print(m, r)
