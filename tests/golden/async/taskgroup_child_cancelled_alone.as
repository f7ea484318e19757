import asyncio

async def victim():
    await asyncio.sleep(10)

async def worker():
    await asyncio.sleep(0.05)
    return "worker ok"

async def main():
    async with asyncio.TaskGroup() as tg:
        v = tg.create_task(victim())
        w = tg.create_task(worker())
        await asyncio.sleep(0)
        v.cancel()
    print(v.cancelled(), w.result())

asyncio.run(main())
