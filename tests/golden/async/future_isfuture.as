import asyncio

async def coro():
    pass

async def main():
    loop = asyncio.get_running_loop()
    c = coro()
    t = asyncio.create_task(coro())
    print(asyncio.isfuture(loop.create_future()), asyncio.isfuture(t))
    print(asyncio.isfuture(c), asyncio.isfuture(None), asyncio.isfuture(asyncio.Future))
    c.close()
    await t

asyncio.run(main())
