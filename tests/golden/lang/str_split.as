print("a b  c".split())
print("  lead and trail  ".split())
print("a,b,,c".split(","))
print("a,b,,c".split(",", 1))
print("a::b::c".split("::"))
print("".split(), "".split(","))
print("one\ttwo\nthree".split())
print("a b c d".split(None, 2))
print("x".split("x"))
try:
    "a".split("")
except ValueError as e:
    print(e)
