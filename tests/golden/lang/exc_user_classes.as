class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, name):
        super().__init__(f"{name} not found")
        self.name = name
class WithStr(Exception):
    def __str__(self):
        return "custom str"
try:
    raise NotFound("user")
except AppError as e:
    print(type(e).__name__, e, e.name, e.args, repr(e))
try:
    raise WithStr(1, 2)
except Exception as e:
    print(e, e.args, repr(e))
print(issubclass(NotFound, Exception), NotFound.__mro__[1].__name__)
e = AppError()
print(repr(e), str(e), e.args)
e2 = AppError("a", 1)
print(str(e2), repr(e2))
print(repr(ValueError("x")), str(KeyError("k")), str(KeyError("a", "b")), repr(Exception()))
