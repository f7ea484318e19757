# Triple-quoted strings span lines and keep quotes.
s = """first
second "quoted" line
'third'"""
print(s)
print(len(s.splitlines()))
t = '''one\
 two'''
print(t)
u = """\
no leading newline"""
print(repr(u))
print("""a""" """b""")
