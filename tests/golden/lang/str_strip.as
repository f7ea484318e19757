s = "  \t hello world \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcHIcba".strip("abc"), "www.example.com".lstrip("w."))
print("mississippi".rstrip("ip"), "".strip(), "  ".strip() == "")
print("prefix_name".removeprefix("prefix_"), "file.py".removesuffix(".py"), "x".removeprefix("y"))
