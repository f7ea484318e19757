# Implicit joining inside brackets and explicit backslash joining.
total = 1 + \
        2 + \
        3
print(total)
items = [
    1,
    2,   # a comment inside
    3,
]
print(items)
d = {"a": 1,
     "b": 2}
print(d)
if total > 5 and \
   total < 10:
    print("in range")
def f(a,
      b):
    return (a
            * b)
print(f(6,
        7))
