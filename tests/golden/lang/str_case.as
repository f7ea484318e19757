s = "hello WORLD of python"
print(s.upper(), "|", s.lower(), "|", s.title(), "|", s.capitalize(), "|", s.swapcase())
print("they're bill's".title(), "ÉCOLE".lower(), "ß".upper(), "ǅ".lower())
print("ABC".isupper(), "abc".islower(), "Title Case".istitle(), "aBc".isupper())
print("hELLO".capitalize(), "123abc".capitalize(), "".upper())
print("MiXeD".casefold())
