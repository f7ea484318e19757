print(NotImplemented, Ellipsis, ..., type(...).__name__, type(NotImplemented).__name__)
print(bool(...), ... == Ellipsis, Ellipsis is ...)
x = [1, ...]
print(x)
def todo():
    ...
print(todo())
class A:
    def __eq__(self, other):
        return NotImplemented
print(A() == A())
