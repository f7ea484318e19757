s = "naïve café 🐍"
print(len(s), s[2], s[-1], s[6:10], s[::-1])
print([c for c in "añb"])
print(s.index("é"), s.find("🐍"))
print(ord(s[2]), chr(233), "\u00ef" == s[2])
try:
    s[100]
except IndexError as e:
    print(e)
print("abc"[-3], "abc"[0:100], "abc"[5:])
