# Drive a coroutine by hand: the return value arrives in StopIteration.value.
class Yielder:
    def __await__(self):
        got = yield "first"
        return got

async def f():
    x = await Yielder()
    return x * 2

c = f()
print(c.send(None))
try:
    c.send(21)
except StopIteration as e:
    print("returned", e.value)
