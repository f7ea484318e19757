def worker():
    while True:
        try:
            x = yield
            print("work", x)
        except ValueError as e:
            print("handled", e)
            yield "recovered"
w = worker()
next(w)
w.send(1)
print(w.throw(ValueError("bad")))
next(w)
w.send(2)
try:
    w.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e)
try:
    next(w)
except StopIteration:
    print("closed after error")
def fresh():
    yield 1
f = fresh()
try:
    f.throw(RuntimeError("before start"))
except RuntimeError as e:
    print(e)
print(next(f, "done"))
