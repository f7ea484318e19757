import asyncio

async def worker(name):
    print(name, "started")
    await asyncio.sleep(0)
    print(name, "resumed")

async def main():
    t1 = asyncio.create_task(worker("a"))
    t2 = asyncio.create_task(worker("b"))
    print("tasks created, none started yet")
    await asyncio.sleep(0)
    print("main after first yield")
    await t1
    await t2
    print("main done")

asyncio.run(main())
