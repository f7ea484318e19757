import asyncio

async def f():
    return 1

c = f()
print(type(c).__name__)
print(asyncio.iscoroutine(c))
print(asyncio.iscoroutinefunction(f))
c.close()
print(asyncio.run(f()))
