s = "hello world, hello"
print(s.find("hello"), s.find("hello", 1), s.find("zzz"), s.find(""), s.find("o", 5, 8))
print(s.rfind("hello"), s.rfind("o"), s.rfind("zzz"))
print(s.index("world"), s.rindex("l"))
try:
    s.index("zzz")
except ValueError as e:
    print(e)
try:
    s.rindex("zzz")
except ValueError as e:
    print(e)
print(s.count("l"), s.count("hello"), s.count(""), "aaaa".count("aa"), s.count("l", 10))
