# Backslash escapes in ordinary strings.
print("tab:\tend")
print("nl:\\n stays literal when escaped")
print("a\nb")
print(len("\x41\101\u00e9\U0001F600"), "\x41\101")
print(repr("\0\a\b\f\v\r"))
print("\N{LATIN SMALL LETTER E WITH ACUTE}")
print("back\\slash", 'quote\'s')
print("line one\
 continued")
print(repr("\q"))
