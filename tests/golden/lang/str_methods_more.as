print("hello {}".format("there"), "tab\there".expandtabs(4))
print("abc".maketrans("ab", "xy") == {97: 120, 98: 121}, "abcab".translate(str.maketrans("ab", "xy")))
print("word " * 2, "Hello".startswith("He"))
print("a-b-c".split("-", maxsplit=1), "a b".split(sep=" "))
print(" ".join(reversed("a b c".split())))
print("CamelCaseString".lower().count("e"))
print(str.upper("x"), str.join("+", "abc"))
try:
    "abc".nonexistent()
except AttributeError as e:
    print(e)
