print("ab" + "cd", "ab" * 3, 3 * "x", "ab" * 0, "ab" * -1)
print("abc" < "abd", "abc" < "ab", "B" < "a", "" < "a", "a" == "a")
print(max("hello"), min("hello"), sorted("hello"))
print(str(5), str([1, "a"]), str(None), str(1.0), str(), str(b"x"))
print(repr("a\nb'c"), repr('"'), repr("'\""))
print("abc".__len__(), "a" in "abc", "abc".__contains__("d"))
s = "x"
for i in range(3):
    s += str(i)
print(s)
print("a,b".split(",") == ["a", "b"], "%s" % "fmt")
