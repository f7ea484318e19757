class A:
    def __add__(self, o):
        print("A.__add__")
        return NotImplemented
    def __eq__(self, o):
        print("A.__eq__")
        return NotImplemented
    def __lt__(self, o):
        print("A.__lt__")
        return NotImplemented
class B:
    def __radd__(self, o):
        print("B.__radd__")
        return "B wins"
    def __gt__(self, o):
        print("B.__gt__")
        return "reflected gt"
print(A() + B())
try:
    A() + A()
except TypeError as e:
    print(e)
print(A() < B())
a = A()
print(a == a, a == 1)
try:
    A() < A()
except TypeError as e:
    print(e)
print(NotImplemented, repr(NotImplemented), type(NotImplemented).__name__)
print((1).__add__("x"), (1).__eq__("x"))
