def grade(n):
    if n >= 90:
        return "A"
    elif n >= 80:
        return "B"
    elif n >= 70:
        return "C"
    else:
        return "F"
for n in (95, 85, 75, 10):
    print(n, grade(n))
if 0: print("no")
elif []: print("no")
elif "x": print("yes")
if None:
    pass
else:
    print("else")
