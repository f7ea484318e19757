import asyncio

async def work():
    return 1

async def main():
    c = work()
    t = asyncio.create_task(c)
    print(t.get_coro() is c)
    print(type(t.get_coro()).__name__, t.get_coro().__name__)
    await t

asyncio.run(main())
