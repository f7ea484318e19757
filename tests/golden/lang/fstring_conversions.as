class P:
    def __repr__(self):
        return "P<repr>"
    def __str__(self):
        return "P<str>"
p = P()
print(f"{p}")
print(f"{p!s}")
print(f"{p!r}")
print(f"{'text'!r}")
print(f"{'é'!a}")
print(f"{p!r:>10}|")
print(f"{3.5!s:*^9}")
