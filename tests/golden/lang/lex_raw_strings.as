# Raw strings keep backslashes.
print(r"\n\t\\")
print(R'C:\path\to')
print(len(r"\n"), len("\n"))
print(repr(r"a\"b"))
print(rb"\x00", Rb'\d')
print(r"""raw
triple\n""")
