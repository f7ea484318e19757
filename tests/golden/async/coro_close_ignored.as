class Pause:
    def __await__(self):
        yield

async def f():
    try:
        await Pause()
    except GeneratorExit:
        await Pause()

c = f()
c.send(None)
try:
    c.close()
except RuntimeError as e:
    print(e)
