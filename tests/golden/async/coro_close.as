class Pause:
    def __await__(self):
        yield

async def f():
    try:
        await Pause()
        print("not reached")
    except GeneratorExit:
        print("GeneratorExit")
        raise
    finally:
        print("cleanup")

c = f()
c.send(None)
print(c.close())
print(c.close())
try:
    c.send(None)
except RuntimeError as e:
    print(e)
