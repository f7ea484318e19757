print()
print("a", "b", 3, None, 1.5)
print("a", "b", sep="")
print("a", "b", sep=", ", end="!\n")
print("no newline", end="")
print(" <- continued")
print(*[1, 2, 3], sep=" | ")
print("x", sep=None, end=None)
print("flush", flush=True)
print(sep="-")
try:
    print("x", sep=5)
except TypeError as e:
    print(e)
try:
    print("x", bogus=1)
except TypeError as e:
    print(e)
