x: int = 5
y: list[int]
print(x)
print("y" in globals())
def f(a: int, b: "str" = "s") -> str:
    z: float = 1.5
    return f"{a}{b}{z}"
print(f(1))
class C:
    attr: int = 3
    other: str
print(C.attr, hasattr(C, "other"))
print(f.__annotations__)
print(C.__annotations__)
