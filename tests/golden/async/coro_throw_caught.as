class Pause:
    def __await__(self):
        yield "paused"

async def f():
    try:
        await Pause()
    except ValueError as e:
        print("caught", e)
        await Pause()
        return "after"

c = f()
print(c.send(None))
print(c.throw(ValueError("bad")))
try:
    c.send(None)
except StopIteration as e:
    print("stop", e.value)
