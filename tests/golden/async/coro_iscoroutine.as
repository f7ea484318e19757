import asyncio

async def coro():
    pass

async def agen():
    yield 1

def gen():
    yield 1

c = coro()
g = gen()
a = agen()
print(asyncio.iscoroutine(c), asyncio.iscoroutine(g), asyncio.iscoroutine(a))
print(asyncio.iscoroutine(coro), asyncio.iscoroutine(1), asyncio.iscoroutine(None))
c.close()

async def main():
    t = asyncio.create_task(coro())
    print(asyncio.iscoroutine(t), asyncio.isfuture(t))
    await t

asyncio.run(main())
