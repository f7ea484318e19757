class Pause:
    def __await__(self):
        yield

async def f():
    try:
        await Pause()
    finally:
        print("finally runs")

c = f()
c.send(None)
try:
    c.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
try:
    c.send(None)
except RuntimeError as e:
    print(e)
