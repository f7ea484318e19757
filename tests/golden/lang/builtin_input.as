import sys
class FakeStdin:
    def __init__(self, lines):
        self.lines = list(lines)
    def readline(self):
        return self.lines.pop(0) if self.lines else ""
sys.stdin = FakeStdin(["Ada\n", "36\n"])
name = input("Name? ")
age = int(input("Age? "))
print()
print(f"{name} is {age}")
try:
    input()
except EOFError as e:
    print("EOFError", e)
