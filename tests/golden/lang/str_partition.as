print("key=value=more".partition("="))
print("key=value=more".rpartition("="))
print("nosep".partition("="), "nosep".rpartition("="))
print("a, b".partition(", "))
try:
    "x".partition("")
except ValueError as e:
    print(e)
