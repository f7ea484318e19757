def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("A"))
print(greet("B", "Hi"))
print(greet("C", punct="?"))
print(greet(punct=".", name="D"))
def append(v, lst=[]):
    lst.append(v)
    return lst
print(append(1), append(2))
def safe(v, lst=None):
    if lst is None:
        lst = []
    lst.append(v)
    return lst
print(safe(1), safe(2))
print(greet.__defaults__)
n = 5
def capture(x=n):
    return x
n = 6
print(capture())
