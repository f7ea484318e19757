name = "Ada"
n = 42
print(f"hello {name}")
print(F"{n} {n + 1} {n * 2}")
print(f"{name!r} {name!s} {name!a}")
print(f"{'nested'}")
print(f"{[1, 2, 3]} {(1,)} {{'k': 1}}")
print(f"")
print(f"{n}{n}")
