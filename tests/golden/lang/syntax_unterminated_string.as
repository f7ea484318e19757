print("never printed")
s = "no closing quote
print(s)
