# Adjacent string literals concatenate at compile time.
x = ("hello"
     " "
     'world')
print(x)
print("a" r"\b" 'c')
n = 3
print("value: " f"{n}" " end")
print(b"by" b"tes")
