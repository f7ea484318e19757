n = 5
print(f"{{}}")
print(f"{{n}} = {n}")
print(f"{{{n}}}")
print(f"a{{b")
print("{{literal}}".format())
print("{{{0}}}".format(7))
