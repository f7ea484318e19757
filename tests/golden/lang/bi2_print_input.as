# print (sep/end/file/flush, rebinding sys.stdout) and input (prompt, sys.stdin, EOF, lost streams).
import sys
class C:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s); return len(s)
    def flush(self): self.parts.append("FLUSH")
old = sys.stdout
c = C()
sys.stdout = c
print("a", 1, None, sep=",", end="!\n", flush=True)
print()
sys.stdout = old
print(c.parts)
print("x", "y", sep=None, end=None)
print(*[1, 2, 3], sep="")
def t(f):
    try:
        r = f()
        print("OK", repr(r))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: print(1, sep=5))
t(lambda: print(1, end=5))
t(lambda: print(1, foo=5))
t(lambda: print(1, file=5))
t(lambda: print(1, file=c, flush=1))
print(c.parts)
class S:
    def __str__(self): return "S!"
    def __repr__(self): return "R!"
print(S(), [S()], "é")
sys.stdin = None
t(lambda: input())
class In:
    def readline(self): return "no newline"
sys.stdin = In()
print(input("p> "))
t(lambda: input(1, 2))
t(lambda: input(prompt="x"))
sys.stdout = None
print("lost")
sys.stdout = old
print("back")
