text = "line1\nline2\r\nline3\rline4\n\nlast"
print(text.splitlines())
print(text.splitlines(True))
print("".splitlines(), "one".splitlines(), "end\n".splitlines())
print("a\x0bb\x0cc\x1cd\u2028e".splitlines())
