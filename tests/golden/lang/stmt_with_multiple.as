class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        return False
with CM("a") as x, CM("b") as y:
    print("body", x, y)
with CM("c"), CM("d") as z:
    print("body2", z)
with (CM("e") as e1,
      CM("f") as f1):
    print("paren", e1, f1)
try:
    with CM("g"), CM("h"):
        raise ValueError("boom")
except ValueError as err:
    print("caught", err)
