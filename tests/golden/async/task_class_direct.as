import asyncio

async def coro():
    await asyncio.sleep(0)
    return "direct"

async def main():
    t = asyncio.Task(coro(), name="made directly")
    print(isinstance(t, asyncio.Future), isinstance(t, asyncio.Task))
    print(t.get_name(), await t)

asyncio.run(main())
