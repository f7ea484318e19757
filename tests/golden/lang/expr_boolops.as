print(0 or 5, 3 or 5, 0 and 5, 3 and 5)
print("" or "default", [] or {} or "last")
print(None and 1, 1 and None)
def side(v):
    print("side", v)
    return v
print(side(0) and side(1))
print(side(1) or side(2))
print(not 0, not 1, not "", not [0])
print(True + True, True * 3, False - 1)
x = [] or None
print(x)
