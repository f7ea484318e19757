print(",".join(["a", "b", "c"]))
print("".join("xyz"))
print(" - ".join(str(i) for i in range(4)))
print("|".join([]))
print(", ".join({"k1": 1, "k2": 2}))
try:
    ",".join([1, 2])
except TypeError as e:
    print(e)
try:
    ",".join(5)
except TypeError as e:
    print(e)
