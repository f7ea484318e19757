import asyncio

async def task1():
    await asyncio.sleep(0.2)
    return "Task 1 done"

async def task2():
    await asyncio.sleep(0.1)
    return "Task 2 done"

async def main():
    tasks = [task1(), task2()]
    for task in asyncio.as_completed(tasks):
        result = await task
        print(result)

asyncio.run(main())
