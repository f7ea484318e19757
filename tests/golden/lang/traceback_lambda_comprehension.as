f = lambda x: x.upper()
print([f(s) for s in ["a", None]])
