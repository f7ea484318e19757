class P:
    kind = "p"
    def __init__(self):
        self.a = 1
        self.b = 2
    def method(self):
        pass
p = P()
print(vars(p), p.__dict__ is vars(p))
print([k for k in vars(P) if not k.startswith("__")])
print([n for n in dir(p) if not n.startswith("_")])
print("append" in dir([]), "upper" in dir(""), "keys" in dir({}))
print(sorted(n for n in dir() if not n.startswith("_")))
try:
    vars(5)
except TypeError as e:
    print(e)
class Custom:
    def __dir__(self):
        return ["z", "a"]
print(dir(Custom()))
