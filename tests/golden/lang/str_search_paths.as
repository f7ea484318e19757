# The byte-search, replace, affix and int-to-str fast paths against their edge cases.
def show(*xs):
    print(*[repr(x) for x in xs])

# searches with needles whose first byte recurs often (the memchr candidate loop and its
# fallback to a linear search after many false candidates)
hay = "a" * 300 + "ab" + "a" * 50
show(hay.find("ab"), hay.count("aab"), hay.find("aaab"), hay.rfind("ab"), "ab" in hay)
show(("ab" * 100 + "abc").find("abc"), ("x" * 70 + "xy").find("xy"), "xy" in "x" * 70)
show("".find(""), "abc".find(""), "abc".count(""), "abc".find("abcd"), "abc".find("c"))
show("a,b,,c,".split(","), ",".split(","), "abc".split("abc"), "aXYbXYc".split("XY", 1))
show("héllo wörld".find("wö"), "héllo wörld".count("l"), "ü,é,a".split(","))

# replace: growing, shrinking, to empty, counts, no match, non-ASCII
show("item1,item2".replace("item", "x"), "aaa".replace("a", "bb"), "aaa".replace("a", ""))
show("aaaa".replace("aa", "b"), "abab".replace("ab", "ab!", 1), "abc".replace("z", "y"))
show("abc".replace("b", "x", 0), "abc".replace("b", "x", -1), "".replace("", "x"))
show("ümlaut ü".replace("ü", "ue"), "naïve".replace("ï", "i"), len("ßß".replace("ß", "ss")))
r = "xyx".replace("x", "é")
show(r, len(r), r[1], r[-1], r.upper())

# startswith / endswith: plain, longer prefix, empty, ranges, tuples, non-ASCII
s = "item299999"
show(s.startswith("item"), s.endswith("9"), s.startswith("item299999!"), s.endswith(""))
show(s.startswith("tem", 1), s.endswith("item", 0, 4), s.startswith(("x", "it")), "é1".endswith("1"))
try:
    s.startswith(1)
except TypeError as e:
    print("TypeError:", e)

# str of ints around the shared small range and the two-digit loop
print([str(i) for i in (0, 7, 9, 10, 42, 99, 100, 101, 255, 256, 999, 1000, 12345, 987654321)])
print([str(-i) for i in (1, 10, 99, 100, 255, 256, 100000)])
print(str(2 ** 61 - 1), str(-2 ** 61), str(2 ** 61), str(10 ** 30))
print(str(5) == "5", str(97 % 13) + ":" + str(200), "a" + "b" + "" + "c", "" + "")

class S(str):
    pass

t = S("ab") + "cd"
print(type(t).__name__, t, S("xy").startswith("x"), "q" + S("r"))

# replace whose result is not longer (one pass), with limits; one-byte count with ranges
show("a-b-c-d".replace("-", "", 2), "a-b-c-d".replace("-", "+", 1), "xx".replace("x", "", 1))
show("éaé".replace("é", "e"), "ab".replace("ab", ""), "abab".replace("ab", "c", 0), "q".replace("q", "r"))
big = ("item" + "0123456789") * 2000
show(len(big.replace("item", "x")), big.replace("item", "x")[:30], len(big.replace("item", "")))
show(big.count("9"), big.count("9", 5, 100), big.count("9", -50), "ééé".count("é"), "aaa".count("a", 1, 2))
