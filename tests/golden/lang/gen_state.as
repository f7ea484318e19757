def g():
    yield 1
it = g()
print(list(it), list(it))
def self_ref():
    yield next(me)
me = self_ref()
try:
    next(me)
except ValueError as e:
    print(e)
def counter():
    for i in range(3):
        yield i
c = counter()
print(next(c), [v for v in c])
print(hasattr(c, "send"), hasattr(c, "throw"), hasattr(c, "close"), hasattr(c, "__next__"))
gen = (i for i in range(2))
print(gen.send(None), next(gen))
