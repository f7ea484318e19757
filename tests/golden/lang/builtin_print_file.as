import sys
print("stdout line", file=sys.stdout)
print("stderr line", file=sys.stderr)
print("explicit None", file=None)
class Collector:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
c = Collector()
print("into", "object", sep="_", file=c)
print(c.parts)
sys.stdout.write("via write\n")
n = sys.stdout.write("abc\n")
print(n)
try:
    print("x", file=5)
except AttributeError as e:
    print(e)
