import asyncio

class Aw:
    def __await__(self):
        yield
        return "awaitable"

async def coro():
    return "coroutine"

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.ensure_future(coro())
    print(type(t).__name__, await t)
    f = loop.create_future()
    print(asyncio.ensure_future(f) is f)
    print(asyncio.ensure_future(t) is t)
    w = asyncio.ensure_future(Aw())
    print(type(w).__name__, await w)
    try:
        asyncio.ensure_future(1)
    except TypeError as e:
        print(e)

asyncio.run(main())
