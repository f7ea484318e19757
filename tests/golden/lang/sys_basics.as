import sys
print(sys.argv)
print(type(sys.argv).__name__, len(sys.argv), sys.argv[0].endswith("sys_basics.as"))
print(type(sys.path).__name__, all(isinstance(p, str) for p in sys.path))
print(type(sys.version).__name__, sys.version[:2])
print(sys.getrecursionlimit() >= 100)
old = sys.getrecursionlimit()
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
print(hasattr(sys.stdout, "write"), hasattr(sys.stderr, "write"))
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(e)
try:
    sys.setrecursionlimit("x")
except TypeError as e:
    print(e)
