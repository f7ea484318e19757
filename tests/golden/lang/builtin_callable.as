class C:
    def __call__(self):
        pass
    def m(self):
        pass
class D:
    pass
print(callable(len), callable(print), callable(lambda: 0), callable(C), callable(C()), callable(D()), callable(C().m))
print(callable(5), callable("s"), callable(None), callable(int), callable(type), callable([].append))
try:
    callable()
except TypeError as e:
    print(e)
