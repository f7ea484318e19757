import asyncio

async def task1():
    await asyncio.sleep(0.1)
    return "Task 1 done"

async def task2():
    await asyncio.sleep(0.2)
    return "Task 2 done"

async def main():
    results = await asyncio.gather(task1(), task2())
    print(results)

asyncio.run(main())
