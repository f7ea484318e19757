import asyncio

async def work():
    print("work runs once")
    await asyncio.sleep(0)
    return 42

async def main():
    t = asyncio.create_task(work())
    print(await t)
    print(await t)
    print(t.result())

asyncio.run(main())
